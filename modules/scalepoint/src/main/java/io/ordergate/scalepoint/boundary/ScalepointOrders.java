package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.OrderDataParser;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Scalepoint orders: paged lists, one order with its history, and Order Data refreshes. */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ScalepointOrders {

    static final String COLUMNS = "order_token, status, case_uuid, case_number, external_claim_id, case_token, "
            + "case_type, order_number, order_status, currency, total, line_count, delivery_name, delivery_city, "
            + "delivery_country, contact_email, snapshot_version, fetched_at, last_error, fetch_job_id, created_at, "
            + "updated_at";
    static final List<String> STATUSES = List.of("pending", "fetched", "failed", "dead");

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    ScalepointEvents events;

    @Inject
    ScalepointPublications publications;

    /** Newest first; {@code from} inclusive, {@code to} exclusive; null filters mean "any". */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Page<ScalepointOrder> list(String status, String caseNumber, Instant from, Instant to, Page.Request page) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw new ProblemException(400, "Invalid status", "status must be one of " + STATUSES + ".");
        }
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new ArrayList<Object>();
        condition(where, parameters, "status = ?", status);
        condition(where, parameters, "case_number = ?", caseNumber);
        condition(where, parameters, "created_at >= ?", from == null ? null : Timestamp.from(from));
        condition(where, parameters, "created_at < ?", to == null ? null : Timestamp.from(to));
        var rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM sp_order" + where
                + " ORDER BY created_at DESC, order_token LIMIT " + page.size() + " OFFSET " + page.offset());
        var count = em.createNativeQuery("SELECT count(*) FROM sp_order" + where);
        for (int i = 0; i < parameters.size(); i++) {
            rows.setParameter(i + 1, parameters.get(i));
            count.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        return new Page<>(result.stream().map(ScalepointOrders::order).toList(),
                ((Number) count.getSingleResult()).longValue());
    }

    /** How many orders are in each status (pending, fetched, failed, dead), every status present. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Map<String, Long> countByStatus() {
        var counts = new LinkedHashMap<String, Long>();
        STATUSES.forEach(status -> counts.put(status, 0L));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT status, count(*) FROM sp_order GROUP BY status")
                .getResultList();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    /** @param orderToken in any case */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Optional<ScalepointOrder> find(String orderToken) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM sp_order WHERE order_token = ?1")
                .setParameter(1, orderToken.toLowerCase(Locale.ROOT))
                .getResultList();
        return rows.stream().findFirst().map(ScalepointOrders::order);
    }

    /** The order with its snapshots, fetches, events and publications. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Optional<ScalepointOrderDetail> detail(String orderToken) {
        return find(orderToken).map(order -> {
            var versions = snapshots.snapshots(order.orderToken());
            var data = versions.isEmpty() ? null : OrderDataParser.parse(versions.get(versions.size() - 1).body());
            return new ScalepointOrderDetail(order.orderToken(), order.status(), order.caseInfo(), order, data,
                    versions, snapshots.fetches(order.orderToken(), 200),
                    events.list(null, order.orderToken(), new Page.Request(0, 100)).items(),
                    publications.forOrder(order.orderToken()));
        });
    }

    /**
     * Queues a fetch of the order's Order Data now. When a fetch is already waiting (perhaps
     * backing off), that one serves and runs now; a fetch that is already running does not serve,
     * since it may have read the order before the change the user is refreshing for.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RefreshRequested refresh(String orderToken, String actor) {
        var order = find(orderToken).orElseThrow(() -> new ProblemException(404, "Not Found",
                "There is no Scalepoint order '" + orderToken + "'."));
        var token = order.orderToken();
        // A fetch that is already running may have read the order before it changed: queue the next one.
        var requested = jobs.request(ScalepointEvents.FETCH_JOB, token,
                Jsons.createObjectBuilder().add("orderToken", token).build().toString());
        long jobId = requested.jobId();
        em.createNativeQuery("UPDATE sp_order SET fetch_job_id = ?1 WHERE order_token = ?2")
                .setParameter(1, jobId).setParameter(2, token).executeUpdate();
        audit.record(new AuditEntry(AuditEntry.ACTOR_USER, actor, "scalepoint.order.refresh-requested",
                requested.queued() ? "queued" : "already-queued", "scalepoint-order", token, null, null, null,
                Map.of("jobId", String.valueOf(jobId))));
        return new RefreshRequested(token, jobId, !requested.queued());
    }

    static void condition(StringBuilder where, List<Object> parameters, String clause, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            parameters.add(value);
            where.append(" AND ").append(clause.replace("?", "?" + parameters.size()));
        }
    }

    static ScalepointOrder order(Object[] r) {
        return new ScalepointOrder((String) r[0], (String) r[1],
                new CaseInfo((String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6]),
                (String) r[7], (String) r[8], (String) r[9], (BigDecimal) r[10], integer(r[11]), (String) r[12],
                (String) r[13], (String) r[14], (String) r[15], integer(r[16]), instant(r[17]), (String) r[18],
                r[19] == null ? null : ((Number) r[19]).longValue(), instant(r[20]), instant(r[21]));
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
