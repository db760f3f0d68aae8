package io.ordergate.jobs.boundary;

import java.time.Duration;

/**
 * What a handler reports. A {@code retry} is a failed attempt: it backs off (at least
 * {@code retryAfter} when the partner said so) and is tried again until the job's give-up time;
 * a {@code permanent} failure makes it dead at once (for example a 404 that will not change). A
 * {@code deferred} job did not try at all, because something it relies on said "not before
 * {@code delay} has passed" (an open circuit breaker): the attempt is not counted, does not grow the
 * back-off and leaves no attempt record; the job simply runs again after {@code delay}.
 */
public sealed interface JobResult {

    /** The partner's HTTP status, or null when there was no HTTP answer. */
    Integer httpStatus();

    /** What went wrong (for a deferral: what the job waits for), or null for a success. */
    String error();

    record Succeeded(Integer httpStatus) implements JobResult {

        @Override
        public String error() {
            return null;
        }
    }

    record Retry(Integer httpStatus, String error, Duration retryAfter) implements JobResult {}

    record Permanent(Integer httpStatus, String error) implements JobResult {}

    record Deferred(String error, Duration delay) implements JobResult {

        @Override
        public Integer httpStatus() {
            return null;
        }
    }

    static JobResult succeeded(Integer httpStatus) {
        return new Succeeded(httpStatus);
    }

    static JobResult retry(Integer httpStatus, String error, Duration retryAfter) {
        return new Retry(httpStatus, error, retryAfter);
    }

    static JobResult permanent(Integer httpStatus, String error) {
        return new Permanent(httpStatus, error);
    }

    /** @param reason shown to staff as the job's last error, e.g. "waiting for the circuit breaker until …" */
    static JobResult deferred(String reason, Duration delay) {
        return new Deferred(reason, delay);
    }
}
