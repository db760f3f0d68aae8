package io.ordergate.scayle.boundary;

import java.time.Instant;

/**
 * One cancellation SCAYLE sent. {@code delegationReferenceKey} is the order it cancelled, or null
 * when {@code unknownOrder}: we never received that order.
 */
public record CancellationSummary(
        String merchantKey,
        String orderReferenceKey,
        String warehouseIds,
        Long companyId,
        boolean unknownOrder,
        boolean conflict,
        String delegationReferenceKey,
        Instant receivedAt) {}
