package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.entity.ReceivedEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The events Scalepoint sent, as staff list them. Receiving is {@link ScalepointEventIntake}'s job
 * (and the long poller's, in {@code control}); where the poller stands is {@link ScalepointPoller}'s.
 * Events carry ids and case numbers, no claimant data: listing them is not audited.
 */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ScalepointEvents {

    @PersistenceContext
    EntityManager em;

    /** A stored event as staff see it. */
    public record EventView(
            long eventId,
            String eventType,
            String payloadVersion,
            boolean supported,
            String correlationId,
            Instant timestamp,
            String orderToken,
            String caseNumber,
            String source,
            Instant receivedAt) {

        static EventView of(ReceivedEvent e) {
            return new EventView(
                    e.eventId(),
                    e.eventType(),
                    e.payloadVersion(),
                    e.supported(),
                    e.correlationId(),
                    e.eventTime(),
                    e.orderToken(),
                    e.caseNumber(),
                    e.source(),
                    e.receivedAt());
        }
    }

    /** How many events Scalepoint sent since the moment (by webhook or long poll), duplicates not counted. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public long countSince(Instant since) {
        return em.createNamedQuery(ReceivedEvent.COUNT_SINCE, Long.class)
                .setParameter("since", since)
                .getSingleResult();
    }

    /** Newest first; {@code eventType} and {@code orderToken} filter when given. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Page<EventView> list(String eventType, String orderToken, Page.Request page) {
        var cb = em.getCriteriaBuilder();
        var rows = cb.createQuery(ReceivedEvent.class);
        var event = rows.from(ReceivedEvent.class);
        rows.select(event)
                .where(filters(cb, event, eventType, orderToken))
                .orderBy(cb.desc(event.get("receivedAt")), cb.desc(event.get("eventId")));
        var count = cb.createQuery(Long.class);
        var counted = count.from(ReceivedEvent.class);
        count.select(cb.count(counted)).where(filters(cb, counted, eventType, orderToken));
        var items =
                em.createQuery(rows).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                        .map(EventView::of)
                        .toList();
        return new Page<>(items, em.createQuery(count).getSingleResult());
    }

    static Predicate[] filters(CriteriaBuilder cb, Root<ReceivedEvent> event, String eventType, String orderToken) {
        var filters = new ArrayList<Predicate>();
        if (eventType != null && !eventType.isBlank()) {
            filters.add(cb.equal(event.get("eventType"), eventType));
        }
        if (orderToken != null && !orderToken.isBlank()) {
            filters.add(cb.equal(event.get("orderToken"), orderToken.toLowerCase(Locale.ROOT)));
        }
        return filters.toArray(Predicate[]::new);
    }
}
