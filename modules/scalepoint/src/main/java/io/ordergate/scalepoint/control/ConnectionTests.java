package io.ordergate.scalepoint.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.BadPartnerResponse;
import io.ordergate.platform.boundary.PartnerUnavailable;
import io.ordergate.scalepoint.boundary.ConnectionTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * "Test connection": asks Scalepoint's Authorization Server for a token with the current settings,
 * bypassing the token cache, and says what happened in words staff can act on.
 */
@ApplicationScoped
public class ConnectionTests {

    private static final Logger LOG = Logger.getLogger(ConnectionTests.class.getName());

    @Inject
    OutboundConnection connection;

    @Inject
    ScalepointTokens tokens;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Runs the test and audits its outcome; a failure is an answer, not an exception. */
    public ConnectionTest run(String actor) {
        var now = clock.instant();
        ConnectionTest result;
        Settings settings = null;
        try {
            settings = connection.settings();
            var issued = tokens.request(settings, settings.scopes());
            result = new ConnectionTest(
                    true,
                    settings.tokenUrl().toString(),
                    authentication(settings),
                    issued.scope(),
                    issued.expiresIn(),
                    null,
                    now);
        } catch (RuntimeException e) {
            result = new ConnectionTest(
                    false,
                    settings == null ? null : settings.tokenUrl().toString(),
                    settings == null ? null : authentication(settings),
                    null,
                    null,
                    failure(e),
                    now);
        }
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_USER,
                actor,
                "scalepoint.connection.tested",
                result.ok() ? "ok" : "failed",
                "scalepoint-connection",
                settings == null ? null : settings.clientId(),
                null,
                null,
                null,
                result.ok() ? Map.of() : Map.of("error", result.error())));
        return result;
    }

    static String authentication(Settings settings) {
        return settings.privateKeyJwt() ? "private_key_jwt" : "client_secret";
    }

    /**
     * A failed connection test as one line for staff. What happened on the network is reduced to
     * its kind (no connection, no TLS, an HTTP status): with the exception's own text the test
     * would tell whoever may edit the URL which hosts and ports exist behind OrderGate.
     */
    static String failure(RuntimeException failure) {
        if (failure instanceof NotConnected
                || failure instanceof TokenFailure
                || failure instanceof BadPartnerResponse) {
            return failure.getMessage();
        }
        if (failure instanceof PartnerUnavailable unavailable) {
            if (unavailable.status() != null) {
                return "The token endpoint answered " + unavailable.status() + ".";
            }
            // the details are for whoever reads the server log, not for the connection test's screen
            LOG.log(Level.INFO, "Scalepoint connection test: {0}", failure.getMessage());
            var tls = "The TLS handshake with the token endpoint failed (certificate or protocol not accepted).";
            var unresolved = "The token endpoint's host could not be resolved.";
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SSLException) {
                    return tls;
                }
                if (cause instanceof UnknownHostException) {
                    return unresolved;
                }
            }
            // a client library may pass the cause on as text only: PartnerClients names its class
            var text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("sslexception") || text.contains("sslhandshakeexception") || text.contains("pkix")) {
                return tls;
            }
            return text.contains("unknownhostexception")
                    ? unresolved
                    : "Could not connect to the token endpoint (connection refused, reset or timed out).";
        }
        var described = PartnerCalls.describe(failure);
        if (failure.getClass().getName().startsWith("org.eclipse.microprofile.faulttolerance.")) {
            return described;
        }
        LOG.log(Level.WARNING, "Scalepoint connection test failed", failure);
        return "The connection test failed unexpectedly; the server log has the details.";
    }
}
