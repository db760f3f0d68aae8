package io.ordergate.scayle.boundary;

import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.scayle.control.Acknowledgements;
import io.ordergate.scayle.control.Deliveries;
import io.ordergate.scayle.control.WarehouseMaps;
import io.ordergate.scayle.entity.Cancellation;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Receives SCAYLE cancellations, idempotent like delegations; {@link ReceivedCancellations} lists
 * them. A cancellation is linked to the delegation whose {@code referenceKey} or
 * {@code orderReferenceKey} it names, marks that order cancelled and fires
 * {@link CancellationApplied} for it (the fulfilment module cancels what is not shipped). One for an
 * order we never received is still answered {@code successful} (SCAYLE would otherwise retry for two
 * days), recorded, and flagged as {@code unknownOrder} for staff until the order arrives: then
 * {@link Delegations} applies it.
 *
 * <p>Identity: (merchant, orderReferenceKey, warehouseIds): a later cancellation of the same order
 * in other warehouses is a new cancellation, not a replay.
 */
@Stateless
@DenyAll
public class Cancellations {

    @Inject
    Idempotency idempotency;

    @Inject
    Deliveries deliveries;

    @Inject
    Event<CancellationApplied> applied;

    @Inject
    WarehouseMaps warehouses;

    /** @return what the delivery was (created, replayed, conflict) and the response for SCAYLE */
    @PermitAll
    public Claim receive(Inbound inbound, CancellationRequest request) {
        var answer = new StoredResponse(201, "application/json", Acknowledgements.cancellation(request));
        var claim = idempotency.claim(
                Deliveries.CANCELLATION_SCOPE,
                Deliveries.identity(request.merchantKey(), request.orderReferenceKey(), request.warehouseIdsJson()),
                request.contentSha256(),
                answer);
        Cancellation cancellation;
        if (claim.first()) {
            var stored = deliveries.storeCancellation(inbound, request);
            cancellation = stored.cancellation();
            for (var order : stored.orders()) {
                applied.fire(new CancellationApplied(
                        "scayle:" + request.merchantKey() + ":" + order.referenceKey(),
                        request.merchantKey(),
                        request.warehouseIds(),
                        warehouses.covered(request.merchantKey(), request.warehouseIds()),
                        inbound.receivedAt()));
            }
        } else {
            cancellation = deliveries.redelivered(request, claim);
        }
        deliveries.recordAttempt(inbound, request, claim, cancellation);
        return claim;
    }
}
