package io.ordergate.fulfilment.boundary;

import java.time.Instant;

/**
 * One row of the Orders list.
 *
 * @param attention why staff should look at the order; null when nothing needs them
 */
public record OrderSummary(
        String orderId,
        String source,
        String merchantKey,
        String reference,
        String platformOrderId,
        OrderState status,
        Instant receivedAt,
        ItemCounts units,
        String attention) {}
