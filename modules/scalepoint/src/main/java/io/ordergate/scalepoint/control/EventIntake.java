package io.ordergate.scalepoint.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.SqlRow;
import io.ordergate.scalepoint.boundary.EventReceipt;
import io.ordergate.scalepoint.entity.ClaimOrder;
import io.ordergate.scalepoint.entity.ReceivedEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one pipeline for events from Scalepoint, by webhook or long poll. {@link #receive} stores the
 * event, and for {@code order_created} creates the order and queues its fetch, all in one
 * transaction. The event's identity ({@code ON CONFLICT (dedupe_key)}) and the order's primary key
 * ({@code ON CONFLICT (order_token)}) make redeliveries and duplicates create nothing new, also when
 * two nodes receive the same event at once.
 */
@Stateless
public class EventIntake {

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
    public static final String WEBHOOK = "webhook";
    public static final String LONG_POLL = "long-poll";

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    @Inject
    PollerLease lease;

    @Inject
    Clock clock;

    /** An event taken from a long-poll answer, with its raw bytes. */
    public record Polled(ScalepointEvent event, byte[] raw) {}

    /**
     * @param source {@link #WEBHOOK} or {@link #LONG_POLL}
     * @param clientId the webhook client that sent it, if any
     */
    public EventReceipt receive(ScalepointEvent event, byte[] raw, String source, String clientId, String remote) {
        var now = Timestamp.from(clock.instant());
        var caseInfo = event.caseInfo();
        var inserted = SqlRow.list(em.createNativeQuery(INSERT_EVENT)
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
                .setParameter(13, raw));
        if (inserted.isEmpty()) {
            long existing = em.createNamedQuery(ReceivedEvent.BY_DEDUPE_KEY, ReceivedEvent.class)
                    .setParameter("key", event.dedupeKey())
                    .getSingleResult()
                    .eventId();
            record(event, existing, "replayed", clientId, remote, Map.of());
            return new EventReceipt(existing, true, event.eventType(), event.orderToken(), false);
        }
        long eventId = inserted.get(0).longValue("event_id");
        boolean queued = false;
        if (event.orderCreated() && event.supported()) {
            boolean created = !SqlRow.list(em.createNativeQuery(INSERT_ORDER)
                            .setParameter(1, event.orderToken())
                            .setParameter(2, caseInfo == null ? null : caseInfo.uuid())
                            .setParameter(3, caseInfo == null ? null : caseInfo.number())
                            .setParameter(4, caseInfo == null ? null : caseInfo.token())
                            .setParameter(5, caseInfo == null ? null : caseInfo.caseType())
                            .setParameter(6, caseInfo == null ? null : caseInfo.externalClaimId())
                            .setParameter(7, eventId)
                            .setParameter(8, now))
                    .isEmpty();
            if (created) {
                var job = jobs.enqueue(
                        OrderFetchHandler.JOB_TYPE, event.orderToken(), OrderFetchHandler.payload(event.orderToken()));
                job.ifPresent(
                        id -> em.find(ClaimOrder.class, event.orderToken()).fetchQueued(id));
                queued = job.isPresent();
            }
        }
        record(
                event,
                eventId,
                "stored",
                clientId,
                remote,
                Map.of(
                        "payloadSha256",
                        Hashes.sha256Hex(raw),
                        "fetchQueued",
                        String.valueOf(queued),
                        "supported",
                        String.valueOf(event.supported())));
        return new EventReceipt(eventId, false, event.eventType(), event.orderToken(), queued);
    }

    /**
     * Stores a long-poll batch and moves the cursor in one transaction: the cursor never passes an
     * event that is not stored. Fenced by the lease: a node that lost it stores nothing.
     *
     * @throws IllegalStateException when {@code node} no longer holds the lease (rolls back)
     */
    public int receivePolled(List<Polled> batch, String cursor, String node) {
        int stored = 0;
        for (var item : batch) {
            if (!receive(item.event(), item.raw(), LONG_POLL, null, LONG_POLL).duplicate()) {
                stored++;
            }
        }
        lease.moveCursor(cursor, stored, node);
        return stored;
    }

    void record(
            ScalepointEvent event,
            long eventId,
            String outcome,
            String clientId,
            String remote,
            Map<String, String> detail) {
        var facts = new HashMap<>(detail);
        facts.put("eventType", event.eventType());
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                clientId == null ? "scalepoint" : clientId,
                "scalepoint.event.received",
                outcome,
                event.orderToken() == null ? "scalepoint-event" : "scalepoint-order",
                event.orderToken() == null ? String.valueOf(eventId) : event.orderToken(),
                remote,
                event.correlationId(),
                "sp_event:" + eventId,
                facts));
    }
}
