package io.ordergate.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * A partner could not serve the call: no connection, a timeout, a 5xx, a 429. Thrown (rather
 * than returned) so that a circuit breaker counts it; carries what the job queue needs to back
 * off.
 */
@ApplicationException(rollback = true)
public class PartnerUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Integer status;
    private final transient Duration retryAfter;

    public PartnerUnavailable(Integer status, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or null when there was no HTTP answer. */
    public Integer status() {
        return status;
    }

    /** What the partner asked for in Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
