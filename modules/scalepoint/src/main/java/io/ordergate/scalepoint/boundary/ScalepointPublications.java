package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.PublicationOutbox;
import io.ordergate.scalepoint.control.ScalepointConfig;
import io.ordergate.scalepoint.entity.ClaimOrder;
import io.ordergate.scalepoint.entity.Publication;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Events OrderGate publishes to Scalepoint's Event API (order status, delivery, stock): written
 * to an outbox together with a job, in one transaction, then sent by the job queue until
 * Scalepoint accepts them or the queue gives up ({@code control.PublicationOutbox},
 * {@code control.PublishHandler}). The body is built once, so every try sends the same envelope
 * with the same {@code correlationId}. The events the console offers are {@link PublishableEvent}.
 */
@Stateless
@DenyAll
public class ScalepointPublications {

    /** Scalepoint's event names are snake_case. */
    static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    static final Set<String> ENVELOPE =
            Set.of("eventType", "payloadVersion", "correlationId", "timestamp", "orderToken");
    static final int MAX_BODY = 64 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    PublicationOutbox outbox;

    @Inject
    ScalepointConfig config;

    @Inject
    Clock clock;

    /** A published (or still publishing) event. */
    public record PublicationView(
            long id,
            String orderToken,
            String eventType,
            String correlationId,
            String body,
            Long jobId,
            PublicationStatus status,
            Integer httpStatus,
            String lastError,
            Instant createdAt,
            String createdBy,
            Instant sentAt) {

        static PublicationView of(Publication p) {
            return new PublicationView(
                    p.id(),
                    p.orderToken(),
                    p.eventType(),
                    p.correlationId(),
                    p.body(),
                    p.jobId(),
                    p.status(),
                    p.httpStatus(),
                    p.lastError(),
                    p.createdAt(),
                    p.createdBy(),
                    p.sentAt());
        }
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
        if (em.find(ClaimOrder.class, token) == null) {
            throw new ProblemException(404, "Not Found", "There is no Scalepoint order '" + orderToken + "'.");
        }
        if (eventType == null
                || eventType.length() > 64
                || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new ProblemException(
                    400,
                    "Bad Request",
                    "'eventType' must be a snake_case event name such as "
                            + "'order_status_changed' (at most 64 characters).");
        }
        var clash =
                payload.keySet().stream().filter(ENVELOPE::contains).sorted().toList();
        if (!clash.isEmpty()) {
            throw new ProblemException(
                    400,
                    "Bad Request",
                    "The payload must not set the envelope fields " + clash + "; OrderGate fills them in.");
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
        return PublicationView.of(outbox.queue(token, eventType, correlationId, body, now, actor));
    }

    /** An order's publications, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<PublicationView> forOrder(String orderToken) {
        return em
                .createNamedQuery(Publication.OF_ORDER, Publication.class)
                .setParameter("orderToken", orderToken.toLowerCase(Locale.ROOT))
                .setMaxResults(200)
                .getResultList()
                .stream()
                .map(PublicationView::of)
                .toList();
    }
}
