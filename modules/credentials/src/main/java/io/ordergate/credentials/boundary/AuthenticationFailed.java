package io.ordergate.credentials.boundary;

import io.ordergate.platform.boundary.Problem;
import io.ordergate.platform.boundary.ProblemException;
import java.time.Duration;
import java.util.Map;

/**
 * A rejected authentication: 401 with a Basic challenge, or 429 when the source is throttled. The
 * caller sees the same detail whatever went wrong; {@link #reason()} is for the audit trail only.
 */
public class AuthenticationFailed extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String username;

    AuthenticationFailed(String realm, String reason, String username) {
        super(
                new Problem(401, "Unauthorized", "Valid HTTP Basic credentials are required."),
                Map.of("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\""));
        this.reason = reason;
        this.username = username;
    }

    AuthenticationFailed(Duration retryAfter, String username) {
        super(
                new Problem(
                        429,
                        "Too Many Requests",
                        "Too many failed authentication attempts from this source; retry later."),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds() + 1))));
        this.reason = "throttled";
        this.username = username;
    }

    private AuthenticationFailed(Problem problem, Map<String, String> headers, String reason, String username) {
        super(problem, headers);
        this.reason = reason;
        this.username = username;
    }

    /** 401 for a missing, invalid or expired bearer token (RFC 6750). */
    static AuthenticationFailed bearer(String reason, String clientId) {
        var error = reason.equals("missing") ? "" : ", error=\"invalid_token\"";
        return new AuthenticationFailed(
                new Problem(401, "Unauthorized", "A valid bearer token is required."),
                Map.of("WWW-Authenticate", "Bearer realm=\"OrderGate\"" + error),
                reason,
                clientId);
    }

    /** 403 for a valid token of one of our clients that was issued for another API (RFC 6750). */
    static AuthenticationFailed insufficientScope(String clientId) {
        return new AuthenticationFailed(
                new Problem(403, "Forbidden", "This bearer token was issued for another API."),
                Map.of("WWW-Authenticate", "Bearer realm=\"OrderGate\", error=\"insufficient_scope\""),
                "insufficient-scope",
                clientId);
    }

    /**
     * 503: too many password checks run at once ({@code ordergate.auth.hash-concurrency}); the
     * caller may retry in a moment. Not a failed authentication, so not counted by the throttle.
     */
    static AuthenticationFailed busy(String username) {
        return new AuthenticationFailed(
                new Problem(
                        503, "Service Unavailable", "Too many sign-ins are being checked at once; retry in a moment."),
                Map.of("Retry-After", "1"),
                "busy",
                username);
    }

    /** 429 for a source throttled after too many invalid bearer tokens. */
    static AuthenticationFailed bearerThrottled(Duration retryAfter) {
        return new AuthenticationFailed(
                new Problem(
                        429,
                        "Too Many Requests",
                        "Too many failed authentication attempts from this source; retry later."),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds() + 1))),
                "throttled",
                null);
    }

    /**
     * missing, malformed, invalid-user-name, unknown-user, wrong-password, revoked, expired, throttled,
     * not-admin, disabled, busy, insufficient-scope (a bearer token for another API)
     */
    public String reason() {
        return reason;
    }

    /** The user name presented, if any (never the password). */
    public String username() {
        return username;
    }
}
