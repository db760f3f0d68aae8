package io.ordergate.scayle.boundary;

import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.scayle.control.Acknowledgements;
import io.ordergate.scayle.control.Deliveries;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Receives SCAYLE cancellations, idempotent like delegations; {@link ReceivedCancellations} lists
 * them. A cancellation is linked to the delegation whose {@code referenceKey} or
 * {@code orderReferenceKey} it names and marks that order cancelled. One for an order we never
 * received is still answered {@code successful} (SCAYLE would otherwise retry for two days),
 * recorded, and flagged as {@code unknownOrder} for staff.
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

    /** @return what the delivery was (created, replayed, conflict) and the response for SCAYLE */
    @PermitAll
    public Claim receive(Inbound inbound, CancellationRequest request) {
        var answer = new StoredResponse(201, "application/json", Acknowledgements.cancellation(request));
        var claim = idempotency.claim(
                Deliveries.CANCELLATION_SCOPE,
                Deliveries.identity(request.merchantKey(), request.orderReferenceKey(), request.warehouseIdsJson()),
                request.contentSha256(),
                answer);
        var cancellation =
                claim.first() ? deliveries.storeCancellation(inbound, request) : deliveries.redelivered(request, claim);
        deliveries.recordAttempt(inbound, request, claim, cancellation);
        return claim;
    }
}
