package io.ordergate.jobs.boundary;

import java.util.List;

/** What "retry these jobs" did: the ones retried, and the ones refused with the reason. */
public record RetryResult(List<Long> retried, List<Refused> refused) {

    public record Refused(long id, String reason) {}
}
