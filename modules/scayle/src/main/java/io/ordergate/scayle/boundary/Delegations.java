package io.ordergate.scayle.boundary;

import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.scayle.control.Acknowledgements;
import io.ordergate.scayle.control.DeliverableQuantities;
import io.ordergate.scayle.control.Deliveries;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

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

    /**
     * @return what the delivery was (created, replayed, conflict) and the response for SCAYLE: the
     *     first delivery's acknowledgement, byte for byte
     */
    @PermitAll
    public Claim receive(Inbound inbound, DelegationRequest order) {
        var deliverable = order.items().stream()
                .map(item -> quantities.deliverable(order, item))
                .toList();
        var acknowledgement =
                new StoredResponse(201, "application/json", Acknowledgements.delegation(order, deliverable));
        var claim = idempotency.claim(
                Deliveries.DELEGATION_SCOPE,
                Deliveries.identity(order.fulfillingMerchantKey(), order.referenceKey()),
                order.contentSha256(),
                acknowledgement);
        var delegation = claim.first()
                ? deliveries.storeDelegation(inbound, order, deliverable)
                : deliveries.redelivered(order, claim);
        deliveries.recordAttempt(inbound, order, claim, delegation);
        return claim;
    }
}
