package io.ordergate.scayle.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scayle.control.Acknowledgements;
import io.ordergate.scayle.control.DelegationRequest;
import io.ordergate.scayle.control.DeliverableQuantities;
import io.ordergate.scayle.control.Inbound;
import io.ordergate.scayle.entity.Cancellation;
import io.ordergate.scayle.entity.Delegation;
import io.ordergate.scayle.entity.DelegationAddress;
import io.ordergate.scayle.entity.DelegationItem;
import io.ordergate.scayle.entity.DeliveryAttempt;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SCAYLE order delegations: receiving them exactly once, and reading them back.
 *
 * <p>{@link #receive} runs in one transaction: the idempotency claim, the order with its items and
 * addresses, the attempt with the raw body, and the audit record commit together or not at all.
 * The caller sends the returned response only after that commit.
 */
@Stateless
@DenyAll
public class Delegations {

    public static final String SCOPE = "scayle.delegation";

    @PersistenceContext
    EntityManager em;

    @Inject
    Idempotency idempotency;

    @Inject
    DeliverableQuantities quantities;

    @Inject
    AuditTrail audit;

    /**
     * @return what the delivery was (created, replayed, conflict) and the response for SCAYLE: the
     *     first delivery's acknowledgement, byte for byte
     */
    @PermitAll
    public Claim receive(Inbound inbound, DelegationRequest order) {
        var deliverable = order.items().stream().map(item -> quantities.deliverable(order, item)).toList();
        var acknowledgement = new StoredResponse(201, "application/json",
                Acknowledgements.delegation(order, deliverable));
        var claim = idempotency.claim(SCOPE, identity(order.fulfillingMerchantKey(), order.referenceKey()),
                order.contentSha256(), acknowledgement);
        long delegationId;
        if (claim.first()) {
            delegationId = store(inbound, order, deliverable);
        } else {
            delegationId = em.createNamedQuery(Delegation.ID_BY_IDENTITY, Long.class)
                    .setParameter("merchantKey", order.fulfillingMerchantKey())
                    .setParameter("referenceKey", order.referenceKey())
                    .getSingleResult();
            if (claim.outcome() == Claim.Outcome.CONFLICT) {
                em.createNamedQuery(Delegation.FLAG_CONFLICT).setParameter("id", delegationId).executeUpdate();
            }
        }
        var attempt = attempt(inbound, "delegation", order.referenceKey(), claim);
        attempt.delegationId = delegationId;
        em.persist(attempt);
        audit.record(new AuditEntry(AuditEntry.ACTOR_SCAYLE, inbound.caller().username(),
                "scayle.delegation.received", claim.outcome().label(), "scayle-order",
                order.fulfillingMerchantKey() + "/" + order.referenceKey(), inbound.source(), inbound.requestId(),
                "scayle_delivery_attempt:" + attempt.id,
                Map.of("payloadSha256", attempt.payloadSha256, "responseStatus",
                        String.valueOf(claim.response().status()))));
        return claim;
    }

    /** The idempotency key of an order: an unambiguous JSON array of merchant and reference. */
    static String identity(String... parts) {
        var array = Jsons.createArrayBuilder();
        for (var part : parts) {
            array.add(part);
        }
        return array.build().toString();
    }

    static DeliveryAttempt attempt(Inbound inbound, String kind, String referenceKey, Claim claim) {
        var attempt = new DeliveryAttempt();
        attempt.kind = kind;
        attempt.merchantKey = inbound.caller().merchantKey();
        attempt.referenceKey = referenceKey;
        attempt.requestId = inbound.requestId();
        attempt.receivedAt = inbound.receivedAt();
        attempt.payloadSha256 = Hashes.sha256Hex(inbound.body());
        attempt.rawBody = inbound.body();
        attempt.headers = inbound.headersJson();
        attempt.credential = inbound.caller().username();
        attempt.outcome = claim.outcome().label();
        attempt.responseStatus = claim.response().status();
        return attempt;
    }

    long store(Inbound inbound, DelegationRequest order, List<Integer> deliverable) {
        var delegation = new Delegation();
        delegation.merchantKey = order.fulfillingMerchantKey();
        delegation.referenceKey = order.referenceKey();
        delegation.orderReferenceKey = order.orderReferenceKey();
        delegation.scayleOrderId = order.orderId();
        delegation.scayleId = order.scayleId();
        delegation.companyId = order.companyId();
        delegation.shopId = order.shopId();
        delegation.shopKey = order.shopKey();
        delegation.countryCode = order.countryCode();
        delegation.languageCode = order.languageCode();
        delegation.paymentMethod = order.paymentMethod();
        delegation.carrierKey = order.carrierKey();
        delegation.customerReferenceKey = order.customerReferenceKey();
        delegation.customerEmail = order.customerEmail();
        delegation.totalWithTax = order.totalWithTax();
        delegation.currencyCode = order.currencyCode();
        delegation.itemCount = order.items().size();
        delegation.receivedAt = inbound.receivedAt();
        em.persist(delegation);
        for (int i = 0; i < order.items().size(); i++) {
            var source = order.items().get(i);
            var item = new DelegationItem();
            item.delegationId = delegation.id;
            item.position = i;
            item.referenceKey = source.referenceKey();
            item.merchantKey = source.merchantKey();
            item.quantity = source.quantity();
            item.deliverableQuantity = deliverable.get(i);
            item.orderItemId = source.orderItemId();
            item.sku = source.sku();
            item.name = source.name();
            item.currencyCode = source.currencyCode();
            item.price = source.price();
            item.warehouseReferenceKey = source.warehouseReferenceKey();
            em.persist(item);
        }
        storeAddress(delegation.id, "billing", order.billing());
        storeAddress(delegation.id, "shipping", order.shipping());
        return delegation.id;
    }

    void storeAddress(long delegationId, String kind, Address source) {
        if (source == null) {
            return;
        }
        var address = new DelegationAddress();
        address.delegationId = delegationId;
        address.kind = kind;
        address.firstName = source.firstName();
        address.lastName = source.lastName();
        address.street = source.street();
        address.houseNumber = source.houseNumber();
        address.additional = source.additional();
        address.zipCode = source.zipCode();
        address.city = source.city();
        address.countryCode = source.countryCode();
        address.phoneNumber = source.phoneNumber();
        em.persist(address);
    }

    /**
     * Filters of the delegation list; null means "any". {@code from} inclusive, {@code to}
     * exclusive. {@code text} finds a delegation by the exact value of its reference, its order
     * reference, an item's SKU or (ignoring case) the customer's e-mail: each an indexed lookup,
     * so it stays fast at millions of orders.
     */
    public record Filter(String merchantKey, String referenceKey, String status, Boolean conflict, Instant from,
            Instant to, String text) {

        public Filter(String merchantKey, String referenceKey, String status, Boolean conflict, Instant from,
                Instant to) {
            this(merchantKey, referenceKey, status, conflict, from, to, null);
        }

        /**
         * As list reads are audited: the free text (often a customer's e-mail) only as
         * {@code sha256:} and its hash, since audit records are kept for good. An auditor who knows
         * what was searched for can still find the read by hashing it.
         */
        @Override
        public String toString() {
            return "Filter[merchantKey=" + merchantKey + ", referenceKey=" + referenceKey + ", status=" + status
                    + ", conflict=" + conflict + ", from=" + from + ", to=" + to + ", text="
                    + (text == null ? null : "sha256:" + Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8)))
                    + "]";
        }
    }

    /** The orders a list can be sorted in; each is served by an index. */
    public enum Sort {
        NEWEST("d.receivedAt DESC, d.id DESC"),
        OLDEST("d.receivedAt ASC, d.id ASC"),
        MERCHANT("d.merchantKey ASC, d.receivedAt DESC, d.id DESC"),
        REFERENCE("d.referenceKey ASC, d.id ASC");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** Newest first, paged in the database, with the total. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<DelegationSummary> list(Filter filter, Page.Request page) {
        return new Page<>(items(filter, Sort.NEWEST, page), count(filter));
    }

    /** One page of the list without counting (a lazy grid counts once, separately). */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DelegationSummary> items(Filter filter, Sort sort, Page.Request page) {
        var parameters = new HashMap<String, Object>();
        var where = where(filter, parameters);
        TypedQuery<Delegation> rows = em.createQuery(
                "SELECT d FROM Delegation d" + where + " ORDER BY " + sort.orderBy, Delegation.class);
        parameters.forEach(rows::setParameter);
        return rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(d -> new DelegationSummary(d.merchantKey, d.referenceKey, d.orderReferenceKey, d.scayleOrderId,
                        d.status(), d.conflict(), d.itemCount, d.customerEmail, d.receivedAt, d.cancelledAt()))
                .toList();
    }

    /** Counts of what SCAYLE sent since {@code since} (the dashboard's today and last 7 days). */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ScayleActivity activity(Instant since) {
        var row = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE kind = 'delegation'),
                       count(*) FILTER (WHERE kind = 'delegation' AND outcome = 'created'),
                       count(*) FILTER (WHERE kind = 'delegation' AND outcome = 'replayed'),
                       count(*) FILTER (WHERE kind = 'delegation' AND outcome = 'conflict'),
                       count(*) FILTER (WHERE kind = 'cancellation' AND outcome = 'created')
                FROM scayle_delivery_attempt WHERE received_at >= ?1""")
                .setParameter(1, java.sql.Timestamp.from(since)).getSingleResult();
        return new ScayleActivity(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
    }

    /** How many delegations match, without loading any (the console's lazy grid and dashboard). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public long count(Filter filter) {
        var parameters = new HashMap<String, Object>();
        return count(where(filter, parameters), parameters);
    }

    long count(String where, Map<String, Object> parameters) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM Delegation d" + where, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    static String where(Filter filter, Map<String, Object> parameters) {
        if (filter.status() != null && !List.of(Delegation.ACKNOWLEDGED, Delegation.CANCELLED).contains(filter.status())) {
            throw new ProblemException(400, "Invalid status", "status must be 'acknowledged' or 'cancelled'.");
        }
        var where = new StringBuilder(" WHERE 1 = 1");
        condition(where, parameters, "merchantKey", "d.merchantKey = :merchantKey", filter.merchantKey());
        condition(where, parameters, "referenceKey", "(d.referenceKey = :referenceKey OR d.orderReferenceKey = :referenceKey)",
                filter.referenceKey());
        condition(where, parameters, "status", "d.status = :status", filter.status());
        condition(where, parameters, "conflict", "d.conflict = :conflict", filter.conflict());
        condition(where, parameters, "from", "d.receivedAt >= :from", filter.from());
        condition(where, parameters, "to", "d.receivedAt < :to", filter.to());
        var text = filter.text() == null ? null : filter.text().strip();
        if (text != null && !text.isEmpty()) {
            where.append(" AND (d.referenceKey = :text OR d.orderReferenceKey = :text"
                    + " OR LOWER(d.customerEmail) = :email"
                    + " OR d.id IN (SELECT i.delegationId FROM DelegationItem i WHERE i.sku = :text))");
            parameters.put("text", text);
            parameters.put("email", text.toLowerCase(java.util.Locale.ROOT));
        }
        return where.toString();
    }

    static void condition(StringBuilder where, Map<String, Object> parameters, String name, String clause,
            Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }

    /**
     * The body of one delivery attempt of the delegation exactly as SCAYLE sent it (UTF-8 JSON; it
     * passed validation), for comparing a conflicting redelivery with the first.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> attemptBody(String merchantKey, String referenceKey, long attemptId) {
        // raw_body is a lazy column: read it directly rather than through the entity's field.
        @SuppressWarnings("unchecked")
        List<byte[]> bodies = em.createNativeQuery("""
                SELECT a.raw_body FROM scayle_delivery_attempt a
                JOIN scayle_delegation d ON d.delegation_id = a.delegation_id
                WHERE a.attempt_id = ?1 AND d.merchant_key = ?2 AND d.reference_key = ?3""")
                .setParameter(1, attemptId).setParameter(2, merchantKey).setParameter(3, referenceKey)
                .getResultList();
        return bodies.stream().findFirst().map(body -> new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DelegationDetail> detail(String merchantKey, String referenceKey) {
        var found = em.createNamedQuery(Delegation.BY_IDENTITY, Delegation.class)
                .setParameter("merchantKey", merchantKey)
                .setParameter("referenceKey", referenceKey)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var d = found.get(0);
        var items = em.createNamedQuery(DelegationItem.OF_DELEGATION, DelegationItem.class)
                .setParameter("id", d.id).getResultList().stream()
                .map(i -> new DelegationDetail.Item(i.referenceKey, i.merchantKey, i.quantity, i.deliverableQuantity,
                        i.orderItemId, i.sku, i.name, i.currencyCode, i.price, i.warehouseReferenceKey))
                .toList();
        Address billing = null;
        Address shipping = null;
        for (var a : em.createNamedQuery(DelegationAddress.OF_DELEGATION, DelegationAddress.class)
                .setParameter("id", d.id).getResultList()) {
            var view = new Address(a.firstName, a.lastName, a.street, a.houseNumber, a.additional,
                    a.zipCode, a.city, a.countryCode, a.phoneNumber);
            if ("billing".equals(a.kind)) {
                billing = view;
            } else {
                shipping = view;
            }
        }
        var attempts = new ArrayList<DelegationDetail.Attempt>();
        for (var a : em.createNamedQuery(DeliveryAttempt.OF_DELEGATION, DeliveryAttempt.class)
                .setParameter("id", d.id).getResultList()) {
            attempts.add(new DelegationDetail.Attempt(a.id, a.kind, a.requestId, a.receivedAt, a.payloadSha256,
                    a.outcome, a.responseStatus));
        }
        var cancellations = em.createNamedQuery(Cancellation.OF_DELEGATION, Cancellation.class)
                .setParameter("id", d.id).getResultList().stream()
                .map(c -> new DelegationDetail.CancellationView(c.orderReferenceKey, c.warehouseIds, c.receivedAt,
                        c.conflict))
                .toList();
        JsonValue acknowledgement = idempotency.find(SCOPE, identity(merchantKey, referenceKey))
                .map(r -> Jsons.createReader(new ByteArrayInputStream(r.response().body())).readValue())
                .orElse(JsonValue.NULL);
        return Optional.of(new DelegationDetail(d.merchantKey, d.referenceKey, d.orderReferenceKey, d.scayleOrderId,
                d.scayleId, d.companyId, d.shopId, d.shopKey, d.countryCode, d.languageCode, d.paymentMethod,
                d.carrierKey, new DelegationDetail.Customer(d.customerReferenceKey, d.customerEmail), d.totalWithTax,
                d.currencyCode, d.status(), d.conflict(), d.receivedAt, d.cancelledAt(), items, billing, shipping,
                acknowledgement, attempts, cancellations));
    }
}
