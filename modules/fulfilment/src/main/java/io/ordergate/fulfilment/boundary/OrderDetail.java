package io.ordergate.fulfilment.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One order as the order page shows it: the fields of its order document, its items, the open
 * attention flag and everything that happened to it, oldest first.
 *
 * @param shipTo JSON object as the order document carries it, or null
 * @param customer JSON object as the order document carries it, or null
 * @param attention why staff should look at the order now; null when nothing needs them
 */
public record OrderDetail(
        String orderId,
        String source,
        String merchantKey,
        String reference,
        String platformOrderId,
        OrderState status,
        int version,
        Instant receivedAt,
        Instant updatedAt,
        String carrier,
        String shipTo,
        String customer,
        String attention,
        List<ItemView> items,
        ItemCounts units,
        List<AttentionHandled> handled,
        List<TimelineEntry> timeline) {}
