package io.ordergate.platform.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's session cookie: only ever a cookie (never a {@code ;jsessionid} in a URL, which
 * the path filter refuses anyway), {@code HttpOnly}, {@code SameSite=Strict} so that no other site
 * can make a browser send it (set in the WAR's payara-web.xml: Payara ignores the Servlet 6 cookie
 * attribute), and {@code Secure} when the console is served over TLS: decided by
 * {@code ordergate.console.secure-cookie}, by default whether {@code ORDERGATE_PUBLIC_URL} is
 * {@code https} (TLS usually ends at the load balancer, so the node itself cannot tell).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        context.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        var cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        var config = ConfigProvider.getConfig();
        cookie.setSecure(secure(
                config.getOptionalValue("ordergate.console.secure-cookie", Boolean.class),
                config.getOptionalValue("ordergate.public.url", String.class)));
    }

    static boolean secure(Optional<Boolean> configured, Optional<String> publicUrl) {
        return configured.orElseGet(() ->
                publicUrl.map(url -> url.regionMatches(true, 0, "https:", 0, 6)).orElse(false));
    }
}
