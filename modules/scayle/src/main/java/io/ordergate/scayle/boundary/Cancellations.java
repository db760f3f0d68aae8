package io.ordergate.scayle.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.platform.boundary.Page;
import io.ordergate.scayle.control.Acknowledgements;
import io.ordergate.scayle.control.CancellationRequest;
import io.ordergate.scayle.control.Inbound;
import io.ordergate.scayle.entity.Cancellation;
import io.ordergate.scayle.entity.Delegation;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;

/**
 * SCAYLE cancellations, idempotent like delegations. A cancellation is linked to the delegation
 * whose {@code referenceKey} or {@code orderReferenceKey} it names and marks that order cancelled.
 * One for an order we never received is still answered {@code successful} (SCAYLE would otherwise
 * retry for two days), recorded, and flagged as {@code unknownOrder} for staff.
 *
 * <p>Identity: (merchant, orderReferenceKey, warehouseIds): a later cancellation of the same order
 * in other warehouses is a new cancellation, not a replay.
 */
@Stateless
@DenyAll
public class Cancellations {

    public static final String SCOPE = "scayle.cancellation";

    @PersistenceContext
    EntityManager em;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    /** @return what the delivery was (created, replayed, conflict) and the response for SCAYLE */
    @PermitAll
    public Claim receive(Inbound inbound, CancellationRequest request) {
        var answer = new StoredResponse(201, "application/json", Acknowledgements.cancellation(request));
        var claim = idempotency.claim(SCOPE, Delegations.identity(request.merchantKey(), request.orderReferenceKey(),
                request.warehouseIdsJson()), request.contentSha256(), answer);
        Cancellation cancellation;
        if (claim.first()) {
            cancellation = new Cancellation();
            cancellation.merchantKey = request.merchantKey();
            cancellation.orderReferenceKey = request.orderReferenceKey();
            cancellation.warehouseIds = request.warehouseIdsJson();
            cancellation.companyId = request.companyId();
            cancellation.receivedAt = inbound.receivedAt();
            var orders = em.createNamedQuery(Delegation.FOR_CANCELLATION, Delegation.class)
                    .setParameter("merchantKey", request.merchantKey())
                    .setParameter("key", request.orderReferenceKey())
                    .getResultList();
            orders.forEach(order -> order.cancel(inbound.receivedAt()));
            cancellation.unknownOrder = orders.isEmpty();
            cancellation.delegationId = orders.isEmpty() ? null : orders.get(0).id;
            em.persist(cancellation);
        } else {
            var id = em.createNamedQuery(Cancellation.ID_BY_IDENTITY, Long.class)
                    .setParameter("merchantKey", request.merchantKey())
                    .setParameter("orderReferenceKey", request.orderReferenceKey())
                    .setParameter("warehouseIds", request.warehouseIdsJson())
                    .getSingleResult();
            cancellation = em.find(Cancellation.class, id);
            if (claim.outcome() == Claim.Outcome.CONFLICT) {
                em.createNamedQuery(Cancellation.FLAG_CONFLICT).setParameter("id", id).executeUpdate();
            }
        }
        var attempt = Delegations.attempt(inbound, "cancellation", request.orderReferenceKey(), claim);
        attempt.delegationId = cancellation.delegationId;
        attempt.cancellationId = cancellation.id;
        em.persist(attempt);
        audit.record(new AuditEntry(AuditEntry.ACTOR_SCAYLE, inbound.caller().username(),
                "scayle.cancellation.received", claim.outcome().label(), "scayle-order",
                request.merchantKey() + "/" + request.orderReferenceKey(), inbound.source(), inbound.requestId(),
                "scayle_delivery_attempt:" + attempt.id,
                Map.of("payloadSha256", attempt.payloadSha256, "unknownOrder", String.valueOf(cancellation.unknownOrder),
                        "warehouseIds", request.warehouseIdsJson())));
        return claim;
    }

    /** Newest first, paged in the database; null filters mean "any". */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<CancellationSummary> list(String merchantKey, Boolean unknownOrder, Page.Request page) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new HashMap<String, Object>();
        Delegations.condition(where, parameters, "merchantKey", "c.merchantKey = :merchantKey", merchantKey);
        Delegations.condition(where, parameters, "unknownOrder", "c.unknownOrder = :unknownOrder", unknownOrder);
        var rows = em.createQuery("SELECT c, d.referenceKey FROM Cancellation c LEFT JOIN Delegation d "
                + "ON d.id = c.delegationId" + where + " ORDER BY c.receivedAt DESC, c.id DESC", Object[].class);
        var count = em.createQuery("SELECT COUNT(c) FROM Cancellation c" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        var items = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(row -> {
                    var c = (Cancellation) row[0];
                    return new CancellationSummary(c.merchantKey, c.orderReferenceKey, c.warehouseIds, c.companyId,
                            c.unknownOrder, c.conflict, (String) row[1], c.receivedAt);
                })
                .toList();
        return new Page<>(items, count.getSingleResult());
    }
}
