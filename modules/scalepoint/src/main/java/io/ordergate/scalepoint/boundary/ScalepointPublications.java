package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.EventPayloads;
import io.ordergate.scalepoint.control.PublicationOutbox;
import io.ordergate.scalepoint.control.PublishingConfig;
import io.ordergate.scalepoint.entity.ClaimOrder;
import io.ordergate.scalepoint.entity.Publication;
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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Events OrderGate publishes to Scalepoint's Event API (order status, delivery, stock): written
 * to an outbox together with a job, in one transaction, then sent by the job queue until
 * Scalepoint accepts them or the queue gives up ({@code control.PublicationOutbox},
 * {@code control.PublishHandler}). The body is built once, so every try sends the same envelope
 * with the same {@code correlationId}. The catalogue is {@link PublishableEvent}, its names configuration.
 * Besides what people publish, OrderGate publishes by itself: each report of the warehouse about a
 * Scalepoint order ({@link #reported}, in the report's transaction) and, debounced per SKU, every
 * stock level change ({@code control.StockEvents}).
 */
@Stateless
@DenyAll
public class ScalepointPublications {

    /** Scalepoint's event names are snake_case. */
    static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    static final Set<String> ENVELOPE = EventPayloads.ENVELOPE;
    static final int MAX_BODY = 64 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    PublicationOutbox outbox;

    @Inject
    PublishingConfig publishing;

    @Inject
    Clock clock;

    /**
     * A published (or still publishing) event.
     *
     * @param orderToken null for an event about no order (a stock level)
     * @param cause {@code ful_outbound:{id}} (a report of the warehouse), {@code stock:{sku}}, or null (a person's)
     * @param attempts tries of its send job so far
     */
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
            Instant sentAt,
            String cause,
            int attempts) {

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
                    p.sentAt(),
                    p.cause(),
                    p.attempts());
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
        var correlationId = PublicationOutbox.newCorrelationId();
        var now = clock.instant();
        var body = outbox.body(eventType, correlationId, now, token, payload);
        if (body.length() > MAX_BODY) {
            throw new ProblemException(400, "Bad Request", "The event is larger than " + MAX_BODY + " characters.");
        }
        return PublicationView.of(
                outbox.queue(token, eventType, correlationId, body, now, AuditEntry.ACTOR_USER, actor, null));
    }

    /**
     * Queues an event of the catalogue about an order (the console's publish form): under the
     * configured name of that event, its fields renamed as configured, like the events OrderGate
     * publishes by itself.
     *
     * @throws ProblemException 404 for an unknown order, 400 for an event about no order or a bad payload
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public PublicationView publish(String orderToken, PublishableEvent event, JsonObject payload, String actor) {
        if (!event.aboutOrder()) {
            throw new ProblemException(400, "Bad Request", "'" + publishing.type(event) + "' is about no order.");
        }
        return publish(
                orderToken, publishing.type(event), EventPayloads.rename(payload, publishing.fieldNames()), actor);
    }

    /** The events about an order with the names Scalepoint gets (configuration), in catalogue order. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<PublishableEvent, String> eventTypes() {
        var types = new LinkedHashMap<PublishableEvent, String>();
        PublishableEvent.aboutAnOrder().forEach(event -> types.put(event, publishing.type(event)));
        return types;
    }

    /** Whether a report of this kind publishes an event ({@code ordergate.scalepoint.events.on}). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean publishes(WarehouseReport.Kind kind) {
        return publishing.on(cause(kind));
    }

    /**
     * Publishes what the warehouse reported of a Scalepoint order, in the caller's transaction (the
     * report's): a shipment as {@link PublishableEvent#DELIVERY_SHIPPED}, a cancellation or return as
     * {@link PublishableEvent#ORDER_STATUS_CHANGED} with the configured status word. Nothing when
     * that kind is switched off.
     *
     * @return the publication's id, or empty when the kind does not publish
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<Long> reported(WarehouseReport report) {
        if (!publishes(report.kind())) {
            return Optional.empty();
        }
        var event = report.kind() == WarehouseReport.Kind.SHIPMENT
                ? PublishableEvent.DELIVERY_SHIPPED
                : PublishableEvent.ORDER_STATUS_CHANGED;
        var status = switch (report.kind()) {
            case SHIPMENT -> null;
            case CANCELLATION -> publishing.cancelledStatus();
            case RETURN -> publishing.returnedStatus();
        };
        var payload = EventPayloads.rename(EventPayloads.report(report, status), publishing.fieldNames());
        var publication = outbox.publish(
                report.orderToken().toLowerCase(Locale.ROOT),
                publishing.type(event),
                payload,
                "fulfilment",
                report.cause(),
                clock.instant());
        return Optional.of(publication.id());
    }

    static PublishingConfig.Cause cause(WarehouseReport.Kind kind) {
        return switch (kind) {
            case SHIPMENT -> PublishingConfig.Cause.SHIPMENT;
            case CANCELLATION -> PublishingConfig.Cause.CANCELLATION;
            case RETURN -> PublishingConfig.Cause.RETURN;
        };
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
