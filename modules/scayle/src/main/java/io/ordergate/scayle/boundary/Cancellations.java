package io.ordergate.scayle.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.scayle.control.Acknowledgements;
import io.ordergate.scayle.control.Deliveries;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;

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

    @Inject
    AuditTrail audit;

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
        var attempt = deliveries.recordAttempt(
                "cancellation",
                inbound,
                request.orderReferenceKey(),
                claim,
                cancellation.delegationId(),
                cancellation.id());
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SCAYLE,
                inbound.caller().username(),
                "scayle.cancellation.received",
                claim.outcome().label(),
                "scayle-order",
                request.merchantKey() + "/" + request.orderReferenceKey(),
                inbound.source(),
                inbound.requestId(),
                "scayle_delivery_attempt:" + attempt.id(),
                Map.of(
                        "payloadSha256",
                        attempt.payloadSha256(),
                        "unknownOrder",
                        String.valueOf(cancellation.unknownOrder()),
                        "warehouseIds",
                        request.warehouseIdsJson())));
        return claim;
    }
}
