package io.ordergate.scayle.control;

import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.SqlRow;
import io.ordergate.scayle.boundary.Address;
import io.ordergate.scayle.boundary.CancellationSummary;
import io.ordergate.scayle.boundary.DelegationDetail;
import io.ordergate.scayle.boundary.DelegationFilter;
import io.ordergate.scayle.boundary.DelegationSort;
import io.ordergate.scayle.boundary.DelegationSummary;
import io.ordergate.scayle.boundary.ScayleActivity;
import io.ordergate.scayle.entity.Cancellation;
import io.ordergate.scayle.entity.Delegation;
import io.ordergate.scayle.entity.DelegationAddress;
import io.ordergate.scayle.entity.DelegationItem;
import io.ordergate.scayle.entity.DeliveryAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What staff read back: delegations and cancellations as stored, and counts of what SCAYLE sent. */
@ApplicationScoped
public class ScayleQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Idempotency idempotency;

    public List<DelegationSummary> delegations(DelegationFilter filter, DelegationSort sort, Page.Request page) {
        var parameters = new HashMap<String, Object>();
        var rows = em.createQuery(
                "SELECT d FROM Delegation d" + where(filter, parameters) + " ORDER BY " + orderBy(sort),
                Delegation.class);
        parameters.forEach(rows::setParameter);
        return rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(Delegation::summary)
                .toList();
    }

    public long count(DelegationFilter filter) {
        var parameters = new HashMap<String, Object>();
        var count = em.createQuery("SELECT COUNT(d) FROM Delegation d" + where(filter, parameters), Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    static String orderBy(DelegationSort sort) {
        return switch (sort) {
            case NEWEST -> "d.receivedAt DESC, d.id DESC";
            case OLDEST -> "d.receivedAt ASC, d.id ASC";
            case MERCHANT -> "d.merchantKey ASC, d.receivedAt DESC, d.id DESC";
            case REFERENCE -> "d.referenceKey ASC, d.id ASC";
        };
    }

    static String where(DelegationFilter filter, Map<String, Object> parameters) {
        var where = new StringBuilder(" WHERE 1 = 1");
        condition(where, parameters, "merchantKey", "d.merchantKey = :merchantKey", filter.merchantKey());
        condition(
                where,
                parameters,
                "referenceKey",
                "(d.referenceKey = :referenceKey OR d.orderReferenceKey = :referenceKey)",
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
            parameters.put("email", text.toLowerCase(Locale.ROOT));
        }
        return where.toString();
    }

    static void condition(
            StringBuilder where, Map<String, Object> parameters, String name, String clause, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }

    /** Counts of what SCAYLE sent since {@code since}, in one pass over the attempts. */
    public ScayleActivity activity(Instant since) {
        var row = SqlRow.first(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE kind = 'delegation') AS deliveries,
                       count(*) FILTER (WHERE kind = 'delegation' AND outcome = 'created') AS acknowledged,
                       count(*) FILTER (WHERE kind = 'delegation' AND outcome = 'replayed') AS replayed,
                       count(*) FILTER (WHERE kind = 'delegation' AND outcome = 'conflict') AS conflicts,
                       count(*) FILTER (WHERE kind = 'cancellation' AND outcome = 'created') AS cancellations
                FROM scayle_delivery_attempt WHERE received_at >= ?1""").setParameter(1, java.sql.Timestamp.from(since)))
                .orElseThrow();
        return new ScayleActivity(
                row.count("deliveries"),
                row.count("acknowledged"),
                row.count("replayed"),
                row.count("conflicts"),
                row.count("cancellations"));
    }

    /** The body of one attempt at the delegation as SCAYLE sent it (UTF-8 JSON: it passed validation). */
    public Optional<String> attemptBody(String merchantKey, String referenceKey, long attemptId) {
        return em
                .createQuery(
                        "SELECT a.rawBody FROM DeliveryAttempt a, Delegation d WHERE d.id = a.delegationId"
                                + " AND a.id = :attemptId AND d.merchantKey = :merchantKey AND d.referenceKey = :referenceKey",
                        byte[].class)
                .setParameter("attemptId", attemptId)
                .setParameter("merchantKey", merchantKey)
                .setParameter("referenceKey", referenceKey)
                .getResultList()
                .stream()
                .findFirst()
                .map(body -> new String(body, StandardCharsets.UTF_8));
    }

    public Optional<DelegationDetail> detail(String merchantKey, String referenceKey) {
        var found = em.createNamedQuery(Delegation.BY_IDENTITY, Delegation.class)
                .setParameter("merchantKey", merchantKey)
                .setParameter("referenceKey", referenceKey)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var delegation = found.get(0);
        var items = ofDelegation(DelegationItem.OF_DELEGATION, DelegationItem.class, delegation, DelegationItem::item);
        var addresses = new HashMap<String, Address>();
        ofDelegation(DelegationAddress.OF_DELEGATION, DelegationAddress.class, delegation, Function.identity())
                .forEach(address -> addresses.put(address.kind(), address.address()));
        var attempts = ofDelegation(
                DeliveryAttempt.OF_DELEGATION, DeliveryAttempt.class, delegation, DeliveryAttempt::attempt);
        var cancellations =
                ofDelegation(Cancellation.OF_DELEGATION, Cancellation.class, delegation, Cancellation::view);
        JsonValue acknowledgement = idempotency
                .find(Deliveries.DELEGATION_SCOPE, Deliveries.identity(merchantKey, referenceKey))
                .map(r -> Jsons.createReader(
                                new ByteArrayInputStream(r.response().body()))
                        .readValue())
                .orElse(JsonValue.NULL);
        return Optional.of(delegation.detail(
                items,
                addresses.get(DelegationAddress.BILLING),
                addresses.get(DelegationAddress.SHIPPING),
                acknowledgement,
                attempts,
                cancellations));
    }

    /** The rows an entity's {@code OF_DELEGATION} query finds for the delegation, each as {@code view}. */
    <E, V> List<V> ofDelegation(String query, Class<E> type, Delegation delegation, Function<E, V> view) {
        return em.createNamedQuery(query, type).setParameter("id", delegation.id()).getResultList().stream()
                .map(view)
                .toList();
    }

    /** Newest first, paged in the database; null filters mean "any". */
    public Page<CancellationSummary> cancellations(String merchantKey, Boolean unknownOrder, Page.Request request) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new HashMap<String, Object>();
        condition(where, parameters, "merchantKey", "c.merchantKey = :merchantKey", merchantKey);
        condition(where, parameters, "unknownOrder", "c.unknownOrder = :unknownOrder", unknownOrder);
        var rows = em.createQuery(
                "SELECT c FROM Cancellation c" + where + " ORDER BY c.receivedAt DESC, c.id DESC", Cancellation.class);
        var count = em.createQuery("SELECT COUNT(c) FROM Cancellation c" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        var page = rows.setFirstResult(request.offset())
                .setMaxResults(request.size())
                .getResultList();
        var references = references(page.stream()
                .map(Cancellation::delegationId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        var items = page.stream()
                .map(c -> c.summary(c.delegationId() == null ? null : references.get(c.delegationId())))
                .toList();
        return new Page<>(items, count.getSingleResult());
    }

    /** The reference keys of the delegations with these ids. */
    Map<Long, String> references(List<Long> delegationIds) {
        if (delegationIds.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery("SELECT d FROM Delegation d WHERE d.id IN :ids", Delegation.class)
                .setParameter("ids", delegationIds)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(Delegation::id, Delegation::referenceKey));
    }
}
