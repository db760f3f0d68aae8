package io.ordergate.jobs.boundary;

import java.time.Instant;
import java.util.List;

/** A job as staff see it. */
public record JobView(
        long id,
        String type,
        String dedupeKey,
        JobState state,
        int attempts,
        int maxAttempts,
        Instant runAt,
        Instant giveUpAt,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        String payload,
        List<Attempt> attemptHistory) {

    public record Attempt(
            int attempt,
            String node,
            Instant startedAt,
            Instant finishedAt,
            String outcome,
            Integer httpStatus,
            String error) {}
}
