package io.ordergate.scalepoint.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.platform.boundary.Hashes;
import io.ordergate.scalepoint.boundary.OrderData;
import io.ordergate.scalepoint.boundary.OrderDataChanged;
import io.ordergate.scalepoint.entity.ClaimOrder;
import io.ordergate.scalepoint.entity.OrderFetch;
import io.ordergate.scalepoint.entity.OrderSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a fetch of Order Data leaves behind. A fetch that returns changed content adds a snapshot
 * version, one that returns the same content only notes when it was seen. Every fetch, successful
 * or not, is recorded, and the order's status follows: fetched once any version exists, otherwise
 * failed while its fetch backs off and dead when the queue gave up.
 */
@Stateless
public class OrderDataStore {

    static final int MAX_ERROR = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<OrderDataChanged> dataChanged;

    @Inject
    RefreshSchedule schedule;

    /** What a successful fetch did: the version that holds the content, and whether it is new. */
    public record Stored(int version, boolean changed) {}

    /**
     * Stores a successful fetch in one transaction: the snapshot (new version only when the hash
     * changed), the extracted fields, the order's status and the fetch record.
     */
    public Stored store(String orderToken, Job job, int httpStatus, String body, OrderData data) {
        var now = clock.instant();
        // The order row is the lock that serialises two fetches of the same order (a refresh racing a retry).
        var order = locked(orderToken);
        if (order == null) {
            throw new IllegalStateException("There is no Scalepoint order " + orderToken + " to store Order Data for.");
        }
        var sha256 = Hashes.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        var latest = em
                .createNamedQuery(OrderSnapshot.NEWEST_FIRST, OrderSnapshot.class)
                .setParameter("orderToken", orderToken)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
        int version;
        boolean changed;
        if (latest.isPresent() && latest.get().holds(sha256)) {
            version = latest.get().version();
            changed = false;
            latest.get().seenAgain(now);
        } else {
            version = latest.map(snapshot -> snapshot.version() + 1).orElse(1);
            changed = true;
            em.persist(new OrderSnapshot(orderToken, version, sha256, body, now));
        }
        var address = data.deliveryAddress();
        order.fetched(
                new ClaimOrder.Recognised(
                        data.orderNumber(),
                        data.status(),
                        data.currency(),
                        data.total(),
                        data.lines().size(),
                        address == null ? null : address.name(),
                        address == null ? null : address.city(),
                        address == null ? null : address.countryCode(),
                        data.contact() == null ? null : data.contact().email()),
                version,
                now);
        boolean closes = schedule.closes(data.status());
        if (closes) {
            order.stopRefreshing("Scalepoint status " + data.status().trim() + " (Order Data version " + version + ")");
        } else {
            order.refreshAt(schedule.nextRefresh(now));
        }
        var outcome = changed ? OrderFetch.NEW_VERSION : OrderFetch.UNCHANGED;
        em.persist(fetch(orderToken, job, outcome, httpStatus, null, version, now));
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                "scalepoint",
                "scalepoint.order.fetched",
                outcome,
                "scalepoint-order",
                orderToken,
                null,
                null,
                "sp_snapshot:" + orderToken + ":" + version,
                Map.of(
                        "version",
                        String.valueOf(version),
                        "sha256",
                        sha256,
                        "jobId",
                        String.valueOf(job.id()),
                        "attempt",
                        String.valueOf(job.attempt()))));
        if (changed) {
            dataChanged.fire(new OrderDataChanged(orderToken, version, data, order.createdAt(), closes));
        }
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
        var now = clock.instant();
        var order = locked(orderToken);
        if (order == null) {
            return;
        }
        boolean dead = "dead".equals(state);
        order.fetchFailed(dead, error, now);
        em.persist(fetch(orderToken, job, OrderFetch.FAILED, status, error, null, now));
        var detail = new HashMap<String, String>();
        detail.put("jobId", String.valueOf(job.id()));
        detail.put("attempt", String.valueOf(job.attempt()));
        detail.put("error", error.length() > 300 ? error.substring(0, 300) : error);
        if (status != null) {
            detail.put("httpStatus", String.valueOf(status));
        }
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                "scalepoint",
                "scalepoint.order.fetch-failed",
                dead ? "dead" : "retrying",
                "scalepoint-order",
                orderToken,
                null,
                null,
                null,
                detail));
    }

    ClaimOrder locked(String orderToken) {
        return em.find(ClaimOrder.class, orderToken, LockModeType.PESSIMISTIC_WRITE);
    }

    static OrderFetch fetch(
            String orderToken,
            Job job,
            String outcome,
            Integer httpStatus,
            String error,
            Integer version,
            Instant now) {
        return new OrderFetch(
                orderToken, job.id(), job.attempt(), job.startedAt(), now, outcome, httpStatus, error, version);
    }
}
