package io.ordergate.scayle.boundary;

import java.time.Instant;

/** One row of the delegation list. */
public record DelegationSummary(
        String merchantKey,
        String referenceKey,
        String orderReferenceKey,
        Long orderId,
        DelegationStatus status,
        boolean conflict,
        int itemCount,
        String customerEmail,
        Instant receivedAt,
        Instant cancelledAt) {}
