package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.ScalepointConfig;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Events OrderGate publishes to Scalepoint's Event API (order status, delivery, stock): written
 * to an outbox together with a job, in one transaction, then sent by the job queue until
 * Scalepoint accepts them or the queue gives up. The body is built once, so every try sends the
 * same envelope with the same {@code correlationId}.
 */
@Stateless
@DenyAll
public class ScalepointPublications {

    public static final String PUBLISH_JOB = "scalepoint.publish-event";
    /** Scalepoint's event names are snake_case. */
    static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    static final Set<String> ENVELOPE = Set.of("eventType", "payloadVersion", "correlationId", "timestamp",
            "orderToken");
    static final int MAX_BODY = 64 * 1024;
    static final String COLUMNS = "publication_id, order_token, event_type, correlation_id, body, job_id, status, "
            + "http_status, last_error, created_at, created_by, sent_at";

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    @Inject
    ScalepointConfig config;

    @Inject
    Clock clock;

    /** A published (or still publishing) event; {@code status}: pending, sent, failing, dead. */
    public record PublicationView(long id, String orderToken, String eventType, String correlationId, String body,
            Long jobId, String status, Integer httpStatus, String lastError, Instant createdAt, String createdBy,
            Instant sentAt) {
    }

    /**
     * Queues an event about an order for Scalepoint.
     *
     * @param payload the event's own fields; they join the common envelope
     * @throws ProblemException 404 for an unknown order, 400 for a bad event type or payload
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public PublicationView publish(String orderToken, String eventType, JsonObject payload, String actor) {
        var token = orderToken.toLowerCase(Locale.ROOT);
        if (em.createNativeQuery("SELECT 1 FROM sp_order WHERE order_token = ?1").setParameter(1, token)
                .getResultList().isEmpty()) {
            throw new ProblemException(404, "Not Found", "There is no Scalepoint order '" + orderToken + "'.");
        }
        if (eventType == null || eventType.length() > 64 || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new ProblemException(400, "Bad Request", "'eventType' must be a snake_case event name such as "
                    + "'order_status_changed' (at most 64 characters).");
        }
        var clash = payload.keySet().stream().filter(ENVELOPE::contains).sorted().toList();
        if (!clash.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "The payload must not set the envelope fields " + clash
                    + "; OrderGate fills them in.");
        }
        var correlationId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        var now = clock.instant();
        var envelope = Jsons.createObjectBuilder()
                .add("eventType", eventType)
                .add("payloadVersion", config.payloadVersion())
                .add("correlationId", correlationId)
                .add("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("orderToken", token);
        payload.forEach(envelope::add);
        var body = envelope.build().toString();
        if (body.length() > MAX_BODY) {
            throw new ProblemException(400, "Bad Request", "The event is larger than " + MAX_BODY + " characters.");
        }
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO sp_publication (order_token, event_type, correlation_id, body, status, created_at,
                                            created_by)
                VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6) RETURNING publication_id""")
                .setParameter(1, token).setParameter(2, eventType).setParameter(3, correlationId)
                .setParameter(4, body).setParameter(5, Timestamp.from(now)).setParameter(6, actor)
                .getSingleResult()).longValue();
        var jobId = jobs.enqueue(PUBLISH_JOB, "publication:" + id,
                Jsons.createObjectBuilder().add("publicationId", id).build().toString()).orElseThrow();
        em.createNativeQuery("UPDATE sp_publication SET job_id = ?1 WHERE publication_id = ?2")
                .setParameter(1, jobId).setParameter(2, id).executeUpdate();
        audit.record(new AuditEntry(AuditEntry.ACTOR_USER, actor, "scalepoint.event.publish-requested", "queued",
                "scalepoint-order", token, null, correlationId, "sp_publication:" + id,
                Map.of("eventType", eventType, "jobId", String.valueOf(jobId))));
        return find(id).orElseThrow();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @PermitAll
    public Optional<PublicationView> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM sp_publication WHERE "
                + "publication_id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(ScalepointPublications::view);
    }

    /** An order's publications, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<PublicationView> forOrder(String orderToken) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM sp_publication WHERE "
                + "order_token = ?1 ORDER BY publication_id DESC LIMIT 200")
                .setParameter(1, orderToken.toLowerCase(Locale.ROOT)).getResultList();
        return rows.stream().map(ScalepointPublications::view).toList();
    }

    /** Keeps the publication's status in step with its job; joins the queue's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @PermitAll
    public void recorded(long id, Job job, JobResult result, String state) {
        var status = result.httpStatus();
        var error = result.error();
        var next = switch (state) {
            case "succeeded" -> "sent";
            case "dead" -> "dead";
            default -> "failing";
        };
        var now = Timestamp.from(clock.instant());
        em.createNativeQuery("UPDATE sp_publication SET status = ?1, http_status = CAST(?2 AS INTEGER), "
                + "last_error = ?3, sent_at = CASE WHEN ?1 = 'sent' THEN CAST(?4 AS TIMESTAMPTZ) ELSE sent_at END "
                + "WHERE publication_id = ?5")
                .setParameter(1, next).setParameter(2, status).setParameter(3, error).setParameter(4, now)
                .setParameter(5, id).executeUpdate();
        if (!next.equals("failing")) {
            var view = find(id).orElseThrow();
            var detail = new HashMap<String, String>();
            detail.put("eventType", view.eventType());
            detail.put("attempts", String.valueOf(job.attempt()));
            if (error != null) {
                detail.put("error", error.length() > 300 ? error.substring(0, 300) : error);
            }
            audit.record(new AuditEntry(AuditEntry.ACTOR_SYSTEM, "scalepoint", "scalepoint.event.published", next,
                    "scalepoint-order", view.orderToken(), null, view.correlationId(), "sp_publication:" + id,
                    detail));
        }
    }

    static PublicationView view(Object[] r) {
        return new PublicationView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6],
                r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8], instant(r[9]), (String) r[10],
                instant(r[11]));
    }

    static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
