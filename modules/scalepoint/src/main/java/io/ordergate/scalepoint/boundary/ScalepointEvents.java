package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.ScalepointEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events from Scalepoint's Event API. {@link #receive} stores the event, and for
 * {@code order_created} creates the order and queues its fetch, all in one transaction: the caller
 * answers 2xx only after it committed. The event's identity and the order's primary key (the
 * lower-case orderToken) make redeliveries and duplicates create nothing new.
 */
@Stateless
@DenyAll
public class ScalepointEvents {

    public static final String FETCH_JOB = "scalepoint.fetch-order";
    static final String INSERT_EVENT = """
            INSERT INTO sp_event (dedupe_key, event_type, payload_version, supported, correlation_id, event_time,
                                  event_time_raw, order_token, case_number, source, client_id, received_at, raw_body)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING event_id""";
    static final String INSERT_ORDER = """
            INSERT INTO sp_order (order_token, status, case_uuid, case_number, case_token, case_type,
                                  external_claim_id, first_event_id, created_at, updated_at)
            VALUES (?1, 'pending', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
            ON CONFLICT (order_token) DO NOTHING
            RETURNING order_token""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * @param source {@code webhook} or {@code long-poll}
     * @param clientId the webhook client that sent it, if any
     */
    @PermitAll
    public EventReceipt receive(ScalepointEvent event, byte[] raw, String source, String clientId, String remote) {
        var now = Timestamp.from(clock.instant());
        var caseInfo = event.caseInfo();
        List<?> inserted = em.createNativeQuery(INSERT_EVENT)
                .setParameter(1, event.dedupeKey())
                .setParameter(2, event.eventType())
                .setParameter(3, event.payloadVersion())
                .setParameter(4, event.supported())
                .setParameter(5, event.correlationId())
                .setParameter(6, event.timestamp() == null ? null : Timestamp.from(event.timestamp()))
                .setParameter(7, event.timestampRaw())
                .setParameter(8, event.orderToken())
                .setParameter(9, caseInfo == null ? null : caseInfo.number())
                .setParameter(10, source)
                .setParameter(11, clientId)
                .setParameter(12, now)
                .setParameter(13, raw)
                .getResultList();
        if (inserted.isEmpty()) {
            long existing = ((Number) em.createNativeQuery("SELECT event_id FROM sp_event WHERE dedupe_key = ?1")
                    .setParameter(1, event.dedupeKey()).getSingleResult()).longValue();
            record(event, existing, "replayed", clientId, remote, Map.of());
            return new EventReceipt(existing, true, event.eventType(), event.orderToken(), false);
        }
        long eventId = ((Number) inserted.get(0)).longValue();
        boolean queued = false;
        if (event.orderCreated() && event.supported()) {
            boolean created = !em.createNativeQuery(INSERT_ORDER)
                    .setParameter(1, event.orderToken())
                    .setParameter(2, caseInfo == null ? null : caseInfo.uuid())
                    .setParameter(3, caseInfo == null ? null : caseInfo.number())
                    .setParameter(4, caseInfo == null ? null : caseInfo.token())
                    .setParameter(5, caseInfo == null ? null : caseInfo.caseType())
                    .setParameter(6, caseInfo == null ? null : caseInfo.externalClaimId())
                    .setParameter(7, eventId)
                    .setParameter(8, now)
                    .getResultList().isEmpty();
            if (created) {
                var job = jobs.enqueue(FETCH_JOB, event.orderToken(),
                        Jsons.createObjectBuilder().add("orderToken", event.orderToken()).build().toString());
                job.ifPresent(id -> em.createNativeQuery("UPDATE sp_order SET fetch_job_id = ?1 WHERE order_token = ?2")
                        .setParameter(1, id).setParameter(2, event.orderToken()).executeUpdate());
                queued = job.isPresent();
            }
        }
        record(event, eventId, "stored", clientId, remote,
                Map.of("payloadSha256", Hashes.sha256Hex(raw), "fetchQueued", String.valueOf(queued),
                        "supported", String.valueOf(event.supported())));
        return new EventReceipt(eventId, false, event.eventType(), event.orderToken(), queued);
    }

    /** An event taken from a long-poll answer, with its raw bytes. */
    /** How many events Scalepoint sent since the moment (by webhook or long poll), duplicates not counted. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countSince(Instant since) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM sp_event WHERE received_at >= ?1")
                .setParameter(1, Timestamp.from(since)).getSingleResult()).longValue();
    }

    public record Polled(ScalepointEvent event, byte[] raw) {
    }

    /** Where the long poller stands, for staff. */
    public record PollerStatus(String lastEventId, String holder, Instant leaseUntil, Instant lastPolledAt,
            String lastError, long eventsReceived) {
    }

    /**
     * Takes the long-poll lease for {@code node} (one poller across all nodes), or keeps it.
     *
     * @return whether {@code node} holds the lease now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @PermitAll
    public boolean takeLease(String node, Duration lease) {
        return em.createNativeQuery("UPDATE sp_poller SET holder = ?1, lease_until = now() + make_interval(secs => ?2) "
                + "WHERE poller_id = 1 AND (holder IS NULL OR holder = ?1 OR lease_until < now())")
                .setParameter(1, node).setParameter(2, (double) lease.toSeconds()).executeUpdate() == 1;
    }

    /** Lets another node take over at once (this node stops). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @PermitAll
    public void releaseLease(String node) {
        em.createNativeQuery("UPDATE sp_poller SET holder = NULL, lease_until = NULL WHERE poller_id = 1 "
                + "AND holder = ?1").setParameter(1, node).executeUpdate();
    }

    /**
     * Stores a long-poll batch and moves the cursor in one transaction: the cursor never passes an
     * event that is not stored. Fenced by the lease: a node that lost it stores nothing.
     *
     * @throws IllegalStateException when {@code node} no longer holds the lease (rolls back)
     */
    @PermitAll
    public int receivePolled(List<Polled> batch, String cursor, String node) {
        int stored = 0;
        for (var item : batch) {
            if (!receive(item.event(), item.raw(), "long-poll", null, "long-poll").duplicate()) {
                stored++;
            }
        }
        int moved = em.createNativeQuery("UPDATE sp_poller SET last_event_id = ?1, last_polled_at = now(), "
                + "last_error = NULL, events_received = events_received + ?2 "
                + "WHERE poller_id = 1 AND holder = ?3 AND lease_until > now()")
                .setParameter(1, cursor).setParameter(2, stored).setParameter(3, node).executeUpdate();
        if (moved != 1) {
            throw new IllegalStateException("Node " + node + " lost the long-poll lease; the batch is left to the "
                    + "node that holds it.");
        }
        return stored;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @PermitAll
    public void pollFailed(String node, String error) {
        em.createNativeQuery("UPDATE sp_poller SET last_error = ?1, last_polled_at = now() WHERE poller_id = 1 "
                + "AND holder = ?2").setParameter(1, error.length() > 2000 ? error.substring(0, 2000) : error)
                .setParameter(2, node).executeUpdate();
    }

    /** Where the long poller goes on from: the last event id it received, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @PermitAll
    public String pollerCursor() {
        return readPollerStatus().lastEventId();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public PollerStatus pollerStatus() {
        return readPollerStatus();
    }

    PollerStatus readPollerStatus() {
        var r = (Object[]) em.createNativeQuery("SELECT last_event_id, holder, lease_until, last_polled_at, "
                + "last_error, events_received FROM sp_poller WHERE poller_id = 1").getSingleResult();
        return new PollerStatus((String) r[0], (String) r[1], instant(r[2]), instant(r[3]), (String) r[4],
                ((Number) r[5]).longValue());
    }

    void record(ScalepointEvent event, long eventId, String outcome, String clientId, String remote,
            Map<String, String> detail) {
        var facts = new HashMap<>(detail);
        facts.put("eventType", event.eventType());
        audit.record(new AuditEntry(AuditEntry.ACTOR_SYSTEM, clientId == null ? "scalepoint" : clientId,
                "scalepoint.event.received", outcome, event.orderToken() == null ? "scalepoint-event"
                        : "scalepoint-order", event.orderToken() == null ? String.valueOf(eventId) : event.orderToken(),
                remote, event.correlationId(), "sp_event:" + eventId, facts));
    }

    /** A stored event as staff see it. */
    public record EventView(long eventId, String eventType, String payloadVersion, boolean supported,
            String correlationId, Instant timestamp, String orderToken, String caseNumber, String source,
            Instant receivedAt) {
    }

    /** Newest first; {@code eventType} and {@code orderToken} filter when given. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<EventView> list(String eventType, String orderToken, Page.Request page) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new ArrayList<Object>();
        if (eventType != null && !eventType.isBlank()) {
            parameters.add(eventType);
            where.append(" AND event_type = ?").append(parameters.size());
        }
        if (orderToken != null && !orderToken.isBlank()) {
            parameters.add(orderToken.toLowerCase(java.util.Locale.ROOT));
            where.append(" AND order_token = ?").append(parameters.size());
        }
        var rows = em.createNativeQuery("SELECT event_id, event_type, payload_version, supported, correlation_id, "
                + "event_time, order_token, case_number, source, received_at FROM sp_event" + where
                + " ORDER BY received_at DESC, event_id DESC LIMIT " + page.size() + " OFFSET " + page.offset());
        var count = em.createNativeQuery("SELECT count(*) FROM sp_event" + where);
        for (int i = 0; i < parameters.size(); i++) {
            rows.setParameter(i + 1, parameters.get(i));
            count.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        var items = result.stream().map(r -> new EventView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (Boolean) r[3], (String) r[4], instant(r[5]), (String) r[6], (String) r[7], (String) r[8],
                instant(r[9]))).toList();
        return new Page<>(items, ((Number) count.getSingleResult()).longValue());
    }

    static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
