package io.ordergate.jobs.boundary;

import java.time.Instant;

/**
 * A claimed job as its handler sees it. {@code attempt} counts from 1; {@code startedAt} is when
 * this attempt was claimed (database time).
 */
public record Job(long id, String type, String payload, int attempt, Instant createdAt, Instant startedAt) {}
