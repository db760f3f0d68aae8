package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scalepoint.boundary.OrderData;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Order Data as received, versioned: a fetch that returns changed content adds a version, one that
 * returns the same content only notes when it was seen. Every fetch, successful or not, is
 * recorded, and the order's status follows: fetched once any version exists, otherwise failed
 * while its fetch backs off and dead when the queue gave up.
 */
@Stateless
@PermitAll
public class OrderSnapshots {

    static final int MAX_ERROR = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** What a successful fetch did: the version that holds the content, and whether it is new. */
    public record Stored(int version, boolean changed) {
    }

    /** A version of an order's Order Data. {@code body} is the JSON text as received. */
    public record SnapshotView(int version, Instant fetchedAt, Instant lastSeenAt, String sha256, JsonValue body) {
    }

    /** One fetch: outcome {@code new-version}, {@code unchanged} or {@code failed}. */
    public record FetchView(long fetchId, Long jobId, Integer attempt, Instant startedAt, Instant finishedAt,
            String outcome, Integer httpStatus, String error, Integer snapshotVersion) {
    }

    /**
     * Stores a successful fetch in one transaction: the snapshot (new version only when the hash
     * changed), the extracted fields, the order's status and the fetch record.
     */
    public Stored store(String orderToken, Job job, int httpStatus, String body, OrderData data) {
        var now = Timestamp.from(clock.instant());
        // The order row is the lock that serialises two fetches of the same order (a refresh racing a retry).
        var locked = em.createNativeQuery("SELECT order_token FROM sp_order WHERE order_token = ?1 FOR UPDATE")
                .setParameter(1, orderToken).getResultList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("There is no Scalepoint order " + orderToken + " to store Order Data for.");
        }
        var sha256 = Hashes.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<Object[]> latest = em.createNativeQuery("SELECT version, sha256 FROM sp_snapshot WHERE order_token = ?1 "
                + "ORDER BY version DESC LIMIT 1").setParameter(1, orderToken).getResultList();
        int version;
        boolean changed;
        if (!latest.isEmpty() && sha256.equals(latest.get(0)[1])) {
            version = ((Number) latest.get(0)[0]).intValue();
            changed = false;
            em.createNativeQuery("UPDATE sp_snapshot SET last_seen_at = ?1 WHERE order_token = ?2 AND version = ?3")
                    .setParameter(1, now).setParameter(2, orderToken).setParameter(3, version).executeUpdate();
        } else {
            version = latest.isEmpty() ? 1 : ((Number) latest.get(0)[0]).intValue() + 1;
            changed = true;
            em.createNativeQuery("INSERT INTO sp_snapshot (order_token, version, sha256, body, fetched_at, "
                    + "last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
                    .setParameter(1, orderToken).setParameter(2, version).setParameter(3, sha256)
                    .setParameter(4, body).setParameter(5, now).executeUpdate();
        }
        var address = data.deliveryAddress();
        em.createNativeQuery("""
                UPDATE sp_order SET status = 'fetched', order_number = ?1, order_status = ?2, currency = ?3,
                    total = ?4, line_count = ?5, delivery_name = ?6, delivery_city = ?7, delivery_country = ?8,
                    contact_email = ?9, snapshot_version = ?10, fetched_at = ?11, last_error = NULL,
                    updated_at = ?11
                WHERE order_token = ?12""")
                .setParameter(1, data.orderNumber()).setParameter(2, data.status()).setParameter(3, data.currency())
                .setParameter(4, data.total()).setParameter(5, data.lines().size())
                .setParameter(6, address == null ? null : address.name())
                .setParameter(7, address == null ? null : address.city())
                .setParameter(8, address == null ? null : address.countryCode())
                .setParameter(9, data.contact() == null ? null : data.contact().email())
                .setParameter(10, version).setParameter(11, now).setParameter(12, orderToken)
                .executeUpdate();
        insertFetch(orderToken, job, changed ? "new-version" : "unchanged", httpStatus, null, version, now);
        audit.record(new AuditEntry(AuditEntry.ACTOR_SYSTEM, "scalepoint", "scalepoint.order.fetched",
                changed ? "new-version" : "unchanged", "scalepoint-order", orderToken, null, null,
                "sp_snapshot:" + orderToken + ":" + version,
                Map.of("version", String.valueOf(version), "sha256", sha256, "jobId", String.valueOf(job.id()),
                        "attempt", String.valueOf(job.attempt()))));
        return new Stored(version, changed);
    }

    /**
     * Records a failed fetch; joins the transaction in which the job queue records the attempt, so
     * the order's status never disagrees with its job.
     *
     * @param state the job's new state: {@code pending} (it backs off) or {@code dead}
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordFailure(String orderToken, Job job, JobResult result, String state) {
        var status = result.httpStatus();
        var error = result.error();
        error = error == null ? "unknown failure" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        var now = Timestamp.from(clock.instant());
        int updated = em.createNativeQuery("""
                UPDATE sp_order SET status = CASE WHEN status = 'fetched' THEN 'fetched'
                                                  WHEN ?1 THEN 'dead' ELSE 'failed' END,
                                    last_error = ?2, updated_at = ?3
                WHERE order_token = ?4""")
                .setParameter(1, "dead".equals(state)).setParameter(2, error).setParameter(3, now)
                .setParameter(4, orderToken).executeUpdate();
        if (updated == 0) {
            return;
        }
        insertFetch(orderToken, job, "failed", status, error, null, now);
        var detail = new HashMap<String, String>();
        detail.put("jobId", String.valueOf(job.id()));
        detail.put("attempt", String.valueOf(job.attempt()));
        detail.put("error", error.length() > 300 ? error.substring(0, 300) : error);
        if (status != null) {
            detail.put("httpStatus", String.valueOf(status));
        }
        audit.record(new AuditEntry(AuditEntry.ACTOR_SYSTEM, "scalepoint", "scalepoint.order.fetch-failed",
                "dead".equals(state) ? "dead" : "retrying", "scalepoint-order", orderToken, null, null, null, detail));
    }

    void insertFetch(String orderToken, Job job, String outcome, Integer status, String error, Integer version,
            Timestamp now) {
        em.createNativeQuery("""
                INSERT INTO sp_fetch (order_token, job_id, attempt, started_at, finished_at, outcome, http_status,
                                      error, snapshot_version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS INTEGER), ?8, CAST(?9 AS INTEGER))""")
                .setParameter(1, orderToken).setParameter(2, job.id()).setParameter(3, job.attempt())
                .setParameter(4, Timestamp.from(job.startedAt())).setParameter(5, now).setParameter(6, outcome)
                .setParameter(7, status).setParameter(8, error).setParameter(9, version)
                .executeUpdate();
    }

    /** Every version, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SnapshotView> snapshots(String orderToken) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT version, fetched_at, last_seen_at, sha256, body "
                + "FROM sp_snapshot WHERE order_token = ?1 ORDER BY version").setParameter(1, orderToken)
                .getResultList();
        return rows.stream().map(r -> new SnapshotView(((Number) r[0]).intValue(), instant(r[1]), instant(r[2]),
                (String) r[3], json((String) r[4]))).toList();
    }

    /** Every fetch, newest first (at most {@code limit}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FetchView> fetches(String orderToken, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fetch_id, job_id, attempt, started_at, finished_at, "
                + "outcome, http_status, error, snapshot_version FROM sp_fetch WHERE order_token = ?1 "
                + "ORDER BY fetch_id DESC LIMIT " + limit).setParameter(1, orderToken).getResultList();
        return rows.stream().map(r -> new FetchView(((Number) r[0]).longValue(), longOrNull(r[1]), intOrNull(r[2]),
                instant(r[3]), instant(r[4]), (String) r[5], intOrNull(r[6]), (String) r[7], intOrNull(r[8])))
                .toList();
    }

    /** Stored bodies were JSON when they were stored. */
    static JsonValue json(String body) {
        try (var reader = Jsons.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    static Integer intOrNull(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
