package io.ordergate.jobs.control;

import java.time.Duration;

/**
 * Exponential backoff with jitter: attempt n waits base * 2^(n-1), capped, then scaled by a random
 * factor in [0.5, 1.0] so that jobs failing together do not retry together. A partner's
 * {@code Retry-After} is a floor: we never come back earlier than asked. The attempt number may grow
 * large (jobs give up by time), so the shift is bounded.
 */
public record Backoff(Duration base, Duration cap) {

    public Duration delay(int attempt, Duration retryAfter, double random) {
        long exponential = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, cap.toMillis());
        long jittered = (long) (capped * (0.5 + 0.5 * Math.min(Math.max(random, 0), 1)));
        var delay = Duration.ofMillis(Math.max(jittered, 1));
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
