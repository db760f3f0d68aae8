package io.ordergate.scalepoint.boundary;

import java.time.Instant;

/** Where the long poller stands, for staff: its cursor, the node holding the lease, the last error. */
public record PollerStatus(
        String lastEventId,
        String holder,
        Instant leaseUntil,
        Instant lastPolledAt,
        String lastError,
        long eventsReceived) {}
