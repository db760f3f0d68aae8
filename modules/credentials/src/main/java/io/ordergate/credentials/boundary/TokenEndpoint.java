package io.ordergate.credentials.boundary;

import io.ordergate.platform.boundary.ClientAddress;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Meters;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.RequestBodies;
import io.ordergate.platform.boundary.Unavailable;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /oauth/token}: the OAuth2 token endpoint our webhook clients (Scalepoint's Event
 * API) call with {@code grant_type=client_credentials}. A servlet rather than a JAX-RS resource
 * because the REST application lives under {@code /api} and OAuth clients expect this path.
 * Answers and errors follow RFC 6749 (sections 4.4, 5.1, 5.2), with {@code Cache-Control: no-store}.
 */
@WebServlet(urlPatterns = "/oauth/token")
public class TokenEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
    /** A token request is a few hundred bytes. */
    static final int MAX_FORM_BYTES = 16 * 1024;

    @Inject
    transient WebhookClients clients;

    @Inject
    transient Meters meters;

    @Inject
    transient ClientAddress clientAddress;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var contentType = request.getContentType();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            error(response, 400, "invalid_request", "Send the parameters as application/x-www-form-urlencoded.", null);
            return;
        }
        Map<String, String> form;
        try {
            form = form(RequestBodies.read(request.getInputStream(), request.getContentLengthLong(), MAX_FORM_BYTES));
        } catch (ProblemException e) {
            e.headers().forEach(response::setHeader);
            error(response, e.problem().status(), "invalid_request", e.problem().detail(), null);
            return;
        } catch (IllegalArgumentException e) {
            error(response, 400, "invalid_request", e.getMessage(), null);
            return;
        }
        try {
            var issued = clients.token(new WebhookClients.TokenRequest(
                    form.get("grant_type"),
                    form.get("scope"),
                    form.get("client_id"),
                    form.get("client_secret"),
                    request.getHeader("Authorization"),
                    clientAddress.of(request)));
            write(
                    response,
                    200,
                    Jsons.createObjectBuilder()
                            .add("access_token", issued.token())
                            .add("token_type", "Bearer")
                            .add("expires_in", issued.expiresInSeconds())
                            .build()
                            .toString());
        } catch (TokenError e) {
            if (e.status() == 401) {
                meters.authenticationFailed("oauth-token", e.reason());
            }
            var basic = request.getHeader("Authorization") != null;
            error(
                    response,
                    e.status(),
                    e.error(),
                    e.getMessage(),
                    e.status() == 401 && basic ? "Basic realm=\"OrderGate\"" : null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Token request failed: {0}", String.valueOf(e));
            var unavailable = Unavailable.isStorageFailure(e);
            if (unavailable) {
                response.setHeader("Retry-After", Unavailable.RETRY_AFTER_SECONDS);
            }
            error(response, unavailable ? 503 : 500, "temporarily_unavailable", "Try again later.", null);
        }
    }

    /** Every other method gets an RFC 6749 error too, not the container's page. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            error(response, 405, "invalid_request", "Use POST.", null);
            return;
        }
        doPost(request, response);
    }

    /**
     * The form body (RFC 6749 appendix B), read by us rather than the container: bounded while
     * reading, parameters only from the body, and one sent twice refused (section 3.2).
     *
     * @throws IllegalArgumentException for a broken %-escape or a repeated parameter
     */
    static Map<String, String> form(byte[] body) {
        var parameters = new HashMap<String, String>();
        for (var pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The form has a broken %-escape.", e);
            }
            if (parameters.put(name, value) != null) {
                throw new IllegalArgumentException("The parameter '" + name + "' is repeated.");
            }
        }
        return parameters;
    }

    static void error(HttpServletResponse response, int status, String error, String description, String challenge)
            throws IOException {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        write(
                response,
                status,
                Jsons.createObjectBuilder()
                        .add("error", error)
                        .add("error_description", description)
                        .build()
                        .toString());
    }

    static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType("application/json");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
