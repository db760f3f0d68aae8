package io.ordergate.credentials.boundary;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Meters;
import io.ordergate.platform.boundary.Unavailable;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

    @Inject
    transient WebhookClients clients;

    @Inject
    transient Meters meters;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var contentType = request.getContentType();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            error(response, 400, "invalid_request", "Send the parameters as application/x-www-form-urlencoded.", null);
            return;
        }
        try {
            var issued = clients.token(new WebhookClients.TokenRequest(request.getParameter("grant_type"),
                    request.getParameter("scope"), request.getParameter("client_id"),
                    request.getParameter("client_secret"), request.getHeader("Authorization"),
                    request.getRemoteAddr()));
            write(response, 200, Jsons.createObjectBuilder()
                    .add("access_token", issued.token())
                    .add("token_type", "Bearer")
                    .add("expires_in", issued.expiresInSeconds())
                    .build().toString());
        } catch (TokenError e) {
            if (e.status() == 401) {
                meters.authenticationFailed("oauth-token", e.reason());
            }
            var basic = request.getHeader("Authorization") != null;
            error(response, e.status(), e.error(), e.getMessage(),
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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        error(response, 405, "invalid_request", "Use POST.", null);
    }

    static void error(HttpServletResponse response, int status, String error, String description, String challenge)
            throws IOException {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        write(response, status, Jsons.createObjectBuilder().add("error", error).add("error_description", description)
                .build().toString());
    }

    static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType("application/json");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
