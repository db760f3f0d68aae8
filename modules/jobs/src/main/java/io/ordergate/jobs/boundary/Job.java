package io.ordergate.jobs.boundary;

import java.time.Instant;

/** A claimed job as its handler sees it. {@code attempt} counts from 1. */
public record Job(long id, String type, String payload, int attempt, Instant createdAt) {
}
