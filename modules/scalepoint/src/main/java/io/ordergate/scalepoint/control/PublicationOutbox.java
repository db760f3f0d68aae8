package io.ordergate.scalepoint.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scalepoint.boundary.PublicationStatus;
import io.ordergate.scalepoint.entity.Publication;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    /** Writes the publication with its send job; the body is final. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Publication queue(
            String orderToken, String eventType, String correlationId, String body, Instant now, String actor) {
        var publication = new Publication(orderToken, eventType, correlationId, body, now, actor);
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
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_USER,
                actor,
                "scalepoint.event.publish-requested",
                "queued",
                "scalepoint-order",
                orderToken,
                null,
                correlationId,
                "sp_publication:" + id,
                Map.of("eventType", eventType, "jobId", String.valueOf(jobId))));
        return publication;
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
        publication.tried(next, result.httpStatus(), error, clock.instant());
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
                    "scalepoint-order",
                    publication.orderToken(),
                    null,
                    publication.correlationId(),
                    "sp_publication:" + id,
                    detail));
        }
    }
}
