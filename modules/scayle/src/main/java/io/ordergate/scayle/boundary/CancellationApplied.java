package io.ordergate.scayle.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A CDI event: SCAYLE cancelled an order we acknowledged, fired in the transaction that stores the
 * cancellation, or, for a cancellation that came before its order, in the transaction that
 * acknowledges the order (right after its {@link DelegationAccepted}). Observers run in that
 * transaction.
 *
 * @param orderId {@code scayle:{merchantKey}:{referenceKey}}
 * @param warehouseIds SCAYLE's warehouse ids the cancellation names; empty for the whole order
 * @param warehouses the warehouse reference keys whose items it covers, through the merchant's map;
 *     null for every item (no warehouse named, or no map)
 */
public record CancellationApplied(
        String orderId, String merchantKey, List<Long> warehouseIds, Set<String> warehouses, Instant receivedAt) {}
