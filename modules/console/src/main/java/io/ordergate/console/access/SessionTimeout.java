package io.ordergate.console.access;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends console sessions after {@code ordergate.console.session-timeout} without user activity.
 * Vaadin's heartbeats do not count as activity ({@code closeIdleSessions} in the console's
 * web-fragment.xml), so an open but forgotten browser tab does not keep a login alive.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    @Inject
    @ConfigProperty(name = "ordergate.console.session-timeout")
    Duration timeout;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(seconds(timeout));
    }

    static int seconds(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ordergate.console.session-timeout must be positive, not " + timeout);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toSeconds()));
    }
}
