package io.ordergate.scayle.boundary;

import java.time.Instant;
import java.util.List;

/**
 * What the warehouse reported that SCAYLE must hear (scayle.md §7), as the fulfilment module passes
 * it on. The order is named by its delegation ({@code merchantKey}, {@code referenceKey}); items by
 * their id in the fulfilment model ({@link DelegationRequest#itemId(int)}).
 *
 * @param callKey the caller's id of this call, the same on every attempt (e.g. {@code ful_outbound:42})
 * @param kind {@code shipment}, {@code cancellation} or {@code return}
 * @param shipmentKey a shipment's tracking id (SCAYLE's {@code shipmentKey}); null otherwise
 * @param at a shipment's {@code deliveryDate}, a return's {@code received}; null for a cancellation
 * @param reason a return's reason; null otherwise or when the warehouse gave none
 */
public record FulfilmentCall(
        String callKey,
        String kind,
        String merchantKey,
        String referenceKey,
        String carrier,
        String shipmentKey,
        String returnIdentCode,
        Instant at,
        String reason,
        List<Item> items) {

    /** @param returnKey a shipment's or return's return key; null for a cancellation */
    public record Item(String itemId, String returnKey) {}

    public FulfilmentCall {
        items = List.copyOf(items);
    }
}
