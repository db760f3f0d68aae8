package io.ordergate.platform.boundary;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink retries a failed read outside a transaction up to three times, five seconds apart:
 * during a database outage a webhook would wait ten seconds or more before its 503. SCAYLE gives
 * us 15 s in all, and a retry of its own is the better retry, so OrderGate fails at once.
 */
public class FailFastSessions implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
