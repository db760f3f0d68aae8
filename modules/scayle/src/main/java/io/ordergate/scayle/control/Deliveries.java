package io.ordergate.scayle.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scayle.boundary.Address;
import io.ordergate.scayle.boundary.CancellationRequest;
import io.ordergate.scayle.boundary.DelegationRequest;
import io.ordergate.scayle.boundary.DeliveryOutcome;
import io.ordergate.scayle.boundary.Inbound;
import io.ordergate.scayle.entity.Cancellation;
import io.ordergate.scayle.entity.Delegation;
import io.ordergate.scayle.entity.DelegationAddress;
import io.ordergate.scayle.entity.DelegationItem;
import io.ordergate.scayle.entity.Delivered;
import io.ordergate.scayle.entity.DeliveryAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a webhook delivery leaves behind, in the caller's transaction: the order or
 * cancellation on its first delivery, the conflict flag on a redelivery with other content, and
 * every delivery attempt with its audit record.
 */
@ApplicationScoped
public class Deliveries {

    public static final String DELEGATION_SCOPE = "scayle.delegation";
    public static final String CANCELLATION_SCOPE = "scayle.cancellation";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** The idempotency key of an order: an unambiguous JSON array of merchant and reference. */
    public static String identity(String... parts) {
        var array = Jsons.createArrayBuilder();
        for (var part : parts) {
            array.add(part);
        }
        return array.build().toString();
    }

    /** @param deliverable one quantity per item, in request order */
    public Delegation storeDelegation(Inbound inbound, DelegationRequest order, List<Integer> deliverable) {
        var delegation = new Delegation(order, inbound.receivedAt());
        em.persist(delegation);
        for (int i = 0; i < order.items().size(); i++) {
            em.persist(new DelegationItem(delegation.id(), i, order.items().get(i), deliverable.get(i)));
        }
        storeAddress(delegation, DelegationAddress.BILLING, order.billing());
        storeAddress(delegation, DelegationAddress.SHIPPING, order.shipping());
        return delegation;
    }

    void storeAddress(Delegation delegation, String kind, Address address) {
        if (address != null) {
            em.persist(new DelegationAddress(delegation.id(), kind, address));
        }
    }

    /** The order stored by an earlier delivery; flagged when this one brought other content. */
    public Delegation redelivered(DelegationRequest order, Claim claim) {
        return redelivered(
                em.createNamedQuery(Delegation.BY_IDENTITY, Delegation.class)
                        .setParameter("merchantKey", order.fulfillingMerchantKey())
                        .setParameter("referenceKey", order.referenceKey()),
                claim);
    }

    /** A first cancellation as stored, and the orders it cancelled. */
    public record StoredCancellation(Cancellation cancellation, List<Delegation> orders) {}

    /**
     * Stores a first cancellation and cancels the orders it names by reference or order
     * reference; it is linked to the first of them, or flagged as for an unknown order.
     */
    public StoredCancellation storeCancellation(Inbound inbound, CancellationRequest request) {
        var orders = em.createNamedQuery(Delegation.FOR_CANCELLATION, Delegation.class)
                .setParameter("merchantKey", request.merchantKey())
                .setParameter("key", request.orderReferenceKey())
                .getResultList();
        orders.forEach(order -> order.cancel(inbound.receivedAt()));
        var cancellation = new Cancellation(
                request,
                inbound.receivedAt(),
                orders.isEmpty() ? null : orders.get(0).id());
        em.persist(cancellation);
        return new StoredCancellation(cancellation, orders);
    }

    /**
     * The cancellations that came before this new order and name it (by reference or order
     * reference): linked to it now, and the order cancelled as of the first of them.
     */
    public List<Cancellation> applyWaitingCancellations(DelegationRequest order, Delegation delegation) {
        var keys = order.orderReferenceKey() == null
                ? List.of(order.referenceKey())
                : List.of(order.referenceKey(), order.orderReferenceKey());
        var waiting = em.createNamedQuery(Cancellation.WAITING, Cancellation.class)
                .setParameter("merchantKey", order.fulfillingMerchantKey())
                .setParameter("keys", keys)
                .getResultList();
        for (var cancellation : waiting) {
            cancellation.link(delegation.id());
            delegation.cancel(cancellation.receivedAt());
        }
        return waiting;
    }

    /** The cancellation stored by an earlier delivery; flagged when this one brought other content. */
    public Cancellation redelivered(CancellationRequest request, Claim claim) {
        return redelivered(
                em.createNamedQuery(Cancellation.BY_IDENTITY, Cancellation.class)
                        .setParameter("merchantKey", request.merchantKey())
                        .setParameter("orderReferenceKey", request.orderReferenceKey())
                        .setParameter("warehouseIds", request.warehouseIdsJson()),
                claim);
    }

    static <T extends Delivered> T redelivered(TypedQuery<T> stored, Claim claim) {
        var found = stored.getSingleResult();
        if (claim.outcome() == Claim.Outcome.CONFLICT) {
            found.flagConflict();
        }
        return found;
    }

    /** Records this delivery of a delegation and audits it as {@code scayle.delegation.received}. */
    public void recordAttempt(Inbound inbound, DelegationRequest order, Claim claim, Delegation delegation) {
        recordAttempt(
                "delegation",
                inbound,
                order.fulfillingMerchantKey(),
                order.referenceKey(),
                claim,
                delegation.id(),
                null,
                Map.of("responseStatus", String.valueOf(claim.response().status())));
    }

    /** Records this delivery of a cancellation and audits it as {@code scayle.cancellation.received}. */
    public void recordAttempt(Inbound inbound, CancellationRequest request, Claim claim, Cancellation cancellation) {
        recordAttempt(
                "cancellation",
                inbound,
                request.merchantKey(),
                request.orderReferenceKey(),
                claim,
                cancellation.delegationId(),
                cancellation.id(),
                Map.of(
                        "unknownOrder",
                        String.valueOf(cancellation.unknownOrder()),
                        "warehouseIds",
                        request.warehouseIdsJson()));
    }

    /**
     * Stores the attempt with its body and records it in the audit trail: SCAYLE's caller did it, the
     * order ({@code merchant/reference}) is the subject, and the stored attempt holds the payload.
     *
     * @param kind {@code delegation} or {@code cancellation}; the audit action is
     *     {@code scayle.<kind>.received}
     * @param cancellationId null for a delegation
     * @param facts what the audit record says beside the payload's hash
     */
    DeliveryAttempt recordAttempt(
            String kind,
            Inbound inbound,
            String merchantKey,
            String referenceKey,
            Claim claim,
            Long delegationId,
            Long cancellationId,
            Map<String, String> facts) {
        var attempt = new DeliveryAttempt(
                kind,
                inbound,
                referenceKey,
                delegationId,
                cancellationId,
                DeliveryOutcome.of(claim),
                claim.response().status());
        em.persist(attempt);
        var detail = new HashMap<>(facts);
        detail.put("payloadSha256", attempt.payloadSha256());
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SCAYLE,
                inbound.caller().username(),
                "scayle." + kind + ".received",
                claim.outcome().label(),
                "scayle-order",
                merchantKey + "/" + referenceKey,
                inbound.source(),
                inbound.requestId(),
                "scayle_delivery_attempt:" + attempt.id(),
                detail));
        return attempt;
    }
}
