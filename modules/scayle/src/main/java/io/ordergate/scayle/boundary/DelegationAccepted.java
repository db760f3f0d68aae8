package io.ordergate.scayle.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A CDI event, fired once per order in the transaction that acknowledges its first delivery: the
 * order as SCAYLE sent it and what we promised. Observers run in that transaction (synchronously),
 * so whatever they write commits or rolls back with the acknowledgement.
 *
 * @param orderId {@code scayle:{merchantKey}:{referenceKey}}
 * @param deliverable per item, in request order
 */
public record DelegationAccepted(
        String orderId, DelegationRequest order, List<Integer> deliverable, Instant receivedAt) {}
