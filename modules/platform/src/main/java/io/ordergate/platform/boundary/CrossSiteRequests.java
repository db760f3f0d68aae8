package io.ordergate.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests to the REST API and the token endpoint that a browser sends on
 * behalf of another site.
 * Browsers attach cached Basic credentials to such requests, so a page elsewhere could otherwise
 * make a logged-in administrator's browser rotate a credential. Partners' servers send neither
 * header and pass; a browser says where the request comes from in {@code Sec-Fetch-Site} (trusted
 * when present) or else {@code Origin}, which must then be this server's own origin or that of
 * {@code ORDERGATE_PUBLIC_URL}. The console (Vaadin) has its own CSRF token.
 */
@WebFilter(
        urlPatterns = {"/api/*", "/oauth/*"},
        asyncSupported = true)
public class CrossSiteRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    PublicUrl publicUrl;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod())
                || isSameSite(
                        request.getHeader("Sec-Fetch-Site"),
                        request.getHeader("Origin"),
                        ownOrigin(request),
                        origin(publicUrl.base()))) {
            chain.doFilter(request, response);
            return;
        }
        var body = new Problem(
                        403,
                        "Forbidden",
                        "A browser sent this request from another site; state-changing "
                                + "API calls are accepted only from this site or from servers.")
                .toJson()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(403);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static boolean isSameSite(String fetchSite, String origin, String ownOrigin, String publicOrigin) {
        if (fetchSite != null) {
            var site = fetchSite.trim().toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none");
        }
        if (origin == null) {
            return true;
        }
        var normalised = origin(origin);
        return normalised != null && (normalised.equals(ownOrigin) || normalised.equals(publicOrigin));
    }

    static String ownOrigin(HttpServletRequest request) {
        var host = request.getHeader("Host");
        return host == null ? null : origin(request.getScheme() + "://" + host);
    }

    /** scheme://host[:port] in lower case with the default port left out; null for anything else ("null" too). */
    static String origin(String url) {
        try {
            var uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
