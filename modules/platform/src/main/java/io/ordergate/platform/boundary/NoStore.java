package io.ordergate.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * {@code Cache-Control: no-store} on every answer but the console's static files. Nearly every
 * answer OrderGate gives carries a secret (a new credential, a token, a certificate's key
 * material) or customer data (orders, addresses, audit records), in the REST API, the token
 * endpoint and the console's own requests alike; deciding per answer would one day miss one.
 * The static bundle under {@code /VAADIN/} carries neither and stays cacheable. What the code
 * behind sets is ignored for this header, so nothing downstream can make an answer cacheable.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class NoStore extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String HEADER = "Cache-Control";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (isStatic(path)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HEADER, "no-store");
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!HEADER.equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!HEADER.equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }

    /** The console's compiled front end: hashed file names, no data. */
    static boolean isStatic(String path) {
        return path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/");
    }
}
