package io.ordergate.scayle.boundary;

import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.scayle.control.Acknowledgements;
import io.ordergate.scayle.control.DeliverableQuantities;
import io.ordergate.scayle.control.Deliveries;
import io.ordergate.scayle.control.WarehouseMaps;
import io.ordergate.scayle.entity.Delegation;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Receives SCAYLE order delegations exactly once; {@link ReceivedDelegations} reads them back.
 *
 * <p>{@link #receive} runs in one transaction: the idempotency claim, the order with its items and
 * addresses, the attempt with the raw body, and the audit record commit together or not at all.
 * The caller sends the returned response only after that commit.
 */
@Stateless
@DenyAll
public class Delegations {

    @Inject
    Idempotency idempotency;

    @Inject
    DeliverableQuantities quantities;

    @Inject
    Deliveries deliveries;

    @Inject
    Event<DelegationAccepted> accepted;

    @Inject
    Event<CancellationApplied> cancelled;

    @Inject
    WarehouseMaps warehouses;

    /**
     * @return what the delivery was (created, replayed, conflict) and the response for SCAYLE: the
     *     first delivery's acknowledgement, byte for byte
     */
    @PermitAll
    public Claim receive(Inbound inbound, DelegationRequest order) {
        var identity = Deliveries.identity(order.fulfillingMerchantKey(), order.referenceKey());
        // Provisional until the stock has been asked: claimed first, so that a redelivery never reserves.
        var ordered = DeliverableQuantities.ordered(order);
        var claim = idempotency.claim(
                Deliveries.DELEGATION_SCOPE, identity, order.contentSha256(), acknowledgement(order, ordered));
        Delegation delegation;
        if (claim.first()) {
            var deliverable = quantities.reserve(order, inbound.caller().username());
            if (!deliverable.equals(ordered)) {
                claim = idempotency.settle(
                        Deliveries.DELEGATION_SCOPE, identity, claim, acknowledgement(order, deliverable));
            }
            delegation = deliveries.storeDelegation(inbound, order, deliverable);
            var orderId = DeliverableQuantities.orderId(order);
            accepted.fire(new DelegationAccepted(orderId, order, deliverable, delegation.receivedAt()));
            // a cancellation that came first is applied now that its order is here
            for (var waiting : deliveries.applyWaitingCancellations(order, delegation)) {
                cancelled.fire(new CancellationApplied(
                        orderId,
                        order.fulfillingMerchantKey(),
                        waiting.warehouseIds(),
                        warehouses.covered(order.fulfillingMerchantKey(), waiting.warehouseIds()),
                        waiting.receivedAt()));
            }
        } else {
            delegation = deliveries.redelivered(order, claim);
        }
        deliveries.recordAttempt(inbound, order, claim, delegation);
        return claim;
    }

    static StoredResponse acknowledgement(DelegationRequest order, List<Integer> deliverable) {
        return new StoredResponse(201, "application/json", Acknowledgements.delegation(order, deliverable));
    }
}
