package io.ordergate.platform.boundary;

import java.time.Duration;

/**
 * A partner answered 429: it is up and asks us to slow down. Not a sign that it is broken, so
 * circuit breakers skip it; the job waits for the Retry-After it was given.
 */
public class RateLimited extends PartnerUnavailable {

    private static final long serialVersionUID = 1L;

    public RateLimited(String message, Duration retryAfter) {
        super(429, message, retryAfter, null);
    }
}
