package io.ordergate.jobs.boundary;

import java.time.Instant;

/**
 * The queue at a glance. {@code pending}: waiting for a first try; {@code failing}: waiting after
 * a failed attempt; {@code oldestWaitingSince}: when the longest-waiting pending or failing job
 * was created (the backlog's age).
 */
public record JobSummary(
        long pending, long failing, long running, long dead, long succeeded, Instant oldestWaitingSince) {}
