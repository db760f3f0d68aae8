package io.ordergate.scalepoint.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scalepoint.boundary.PublicationSettled;
import io.ordergate.scalepoint.boundary.PublicationStatus;
import io.ordergate.scalepoint.entity.Publication;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox of events we publish to Scalepoint: a publication is written together with the job
 * that sends it, in one transaction, and its status follows that job.
 */
@Stateless
public class PublicationOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ScalepointConfig config;

    @Inject
    Event<PublicationSettled> settled;

    /**
     * Writes the publication with its send job; the body is final.
     *
     * @param actorType who asked: a user (the console, the admin API) or the system (a report, a stock change)
     * @param cause what caused it ({@code ful_outbound:{id}}, {@code stock:{sku}}), null for a person's event
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Publication queue(
            String orderToken,
            String eventType,
            String correlationId,
            String body,
            Instant now,
            String actorType,
            String actor,
            String cause) {
        var publication = new Publication(orderToken, eventType, correlationId, body, now, actor, cause);
        em.persist(publication);
        long id = publication.id();
        var jobId = jobs.enqueue(
                        PublishHandler.JOB_TYPE,
                        "publication:" + id,
                        Jsons.createObjectBuilder()
                                .add("publicationId", id)
                                .build()
                                .toString())
                .orElseThrow();
        publication.queuedAs(jobId);
        var detail = new HashMap<String, String>();
        detail.put("eventType", eventType);
        detail.put("jobId", String.valueOf(jobId));
        if (cause != null) {
            detail.put("cause", cause);
        }
        audit.record(new AuditEntry(
                actorType,
                actor,
                "scalepoint.event.publish-requested",
                "queued",
                orderToken == null ? "scalepoint-stock" : "scalepoint-order",
                orderToken == null ? cause : orderToken,
                null,
                correlationId,
                "sp_publication:" + id,
                detail));
        return publication;
    }

    /**
     * The body as it is sent on every try: the common envelope ({@code eventType},
     * {@code payloadVersion}, a new {@code correlationId}, {@code timestamp}, {@code orderToken}
     * unless the event is about no order) plus the payload's fields.
     */
    public String body(String eventType, String correlationId, Instant now, String orderToken, JsonObject payload) {
        var envelope = Jsons.createObjectBuilder()
                .add("eventType", eventType)
                .add("payloadVersion", config.payloadVersion())
                .add("correlationId", correlationId)
                .add("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
        if (orderToken != null) {
            envelope.add("orderToken", orderToken);
        }
        payload.forEach(envelope::add);
        return envelope.build().toString();
    }

    /** Builds the body and queues it, for the events OrderGate publishes by itself. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Publication publish(
            String orderToken, String eventType, JsonObject payload, String actor, String cause, Instant now) {
        var correlationId = newCorrelationId();
        return queue(
                orderToken,
                eventType,
                correlationId,
                body(eventType, correlationId, now, orderToken, payload),
                now,
                AuditEntry.ACTOR_SYSTEM,
                actor,
                cause);
    }

    public static String newCorrelationId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    public Optional<Publication> find(long id) {
        return Optional.ofNullable(em.find(Publication.class, id));
    }

    /** Keeps the publication's status in step with its job; joins the queue's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recorded(long id, Job job, JobResult result, String state) {
        var error = result.error();
        var next = switch (state) {
            case "succeeded" -> PublicationStatus.SENT;
            case "dead" -> PublicationStatus.DEAD;
            default -> PublicationStatus.FAILING;
        };
        var publication = em.find(Publication.class, id);
        if (publication == null) {
            return;
        }
        publication.tried(next, job.attempt(), result.httpStatus(), error, clock.instant());
        if (next != PublicationStatus.FAILING) {
            var detail = new HashMap<String, String>();
            detail.put("eventType", publication.eventType());
            detail.put("attempts", String.valueOf(job.attempt()));
            if (error != null) {
                detail.put("error", error.length() > 300 ? error.substring(0, 300) : error);
            }
            audit.record(new AuditEntry(
                    AuditEntry.ACTOR_SYSTEM,
                    "scalepoint",
                    "scalepoint.event.published",
                    LowerCaseEnum.wire(next),
                    publication.orderToken() == null ? "scalepoint-stock" : "scalepoint-order",
                    publication.orderToken() == null ? publication.cause() : publication.orderToken(),
                    null,
                    publication.correlationId(),
                    "sp_publication:" + id,
                    detail));
            // whoever caused it keeps its own status in step, in this transaction
            settled.fire(new PublicationSettled(
                    id,
                    publication.cause(),
                    next == PublicationStatus.SENT,
                    job.attempt(),
                    result.httpStatus(),
                    error));
        }
    }
}
