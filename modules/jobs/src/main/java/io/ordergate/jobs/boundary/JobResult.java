package io.ordergate.jobs.boundary;

import java.time.Duration;

/**
 * What a handler reports. A {@code retry} backs off (at least {@code retryAfter} when the partner
 * said so) until the attempt or time limit makes the job dead; a {@code permanent} failure makes
 * it dead at once (for example a 404 that will not change).
 */
public sealed interface JobResult {

    /** The partner's HTTP status, or null when there was no HTTP answer. */
    Integer httpStatus();

    /** What went wrong, or null for a success. */
    String error();

    record Succeeded(Integer httpStatus) implements JobResult {

        @Override
        public String error() {
            return null;
        }
    }

    record Retry(Integer httpStatus, String error, Duration retryAfter) implements JobResult {
    }

    record Permanent(Integer httpStatus, String error) implements JobResult {
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
}
