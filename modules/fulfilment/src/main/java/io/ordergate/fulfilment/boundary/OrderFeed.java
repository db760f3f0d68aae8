package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.fulfilment.control.Feed;
import io.ordergate.fulfilment.control.OrderDocuments;
import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The orders of both platforms as the warehouse reads them: the feed of their changes (with long
 * polling) and each order's current document. Reads carry names and addresses, so each is audited
 * here, with the reader: an API client of the warehouse ({@code fulfilment.*} actions) or staff.
 */
@Stateless
@DenyAll
public class OrderFeed {

    public static final int MAX_LIMIT = 500;
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** How often a waiting reader looks again. */
    static final Duration POLL = Duration.ofMillis(200);

    /**
     * How many readers may wait at once on this node; more get their (empty) answer at once and ask
     * again, so that long polls can never hold every request thread.
     */
    static final Semaphore WAITERS = new Semaphore(32);

    @Inject
    Feed feed;

    @Inject
    AuditTrail audit;

    @PersistenceContext
    EntityManager em;

    /** A page of the feed; {@code next} is the last position returned, or {@code after} when none. */
    public record Page(List<FeedChange> changes, long next) {}

    /**
     * The changes after {@code after}, at most {@code limit}; when there are none, waits up to
     * {@code wait} for one.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Page read(long after, int limit, Duration wait, FulfilmentCaller caller) {
        var changes = sweepAndRead(after, limit);
        if (changes.isEmpty() && !wait.isZero() && WAITERS.tryAcquire()) {
            try {
                long deadline = System.nanoTime() + wait.toNanos();
                while (changes.isEmpty() && System.nanoTime() < deadline) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(POLL.toNanos(), Math.max(0, deadline - System.nanoTime())));
                    changes = sweepAndRead(after, limit);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                WAITERS.release();
            }
        }
        var page = new Page(
                changes,
                changes.isEmpty() ? after : changes.get(changes.size() - 1).position());
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                caller.clientId(),
                "fulfilment.feed.read",
                "done",
                "fulfilment-feed",
                null,
                caller.source(),
                null,
                null,
                Map.of(
                        "after", String.valueOf(after),
                        "next", String.valueOf(page.next()),
                        "changes", String.valueOf(changes.size()))));
        return page;
    }

    List<FeedChange> sweepAndRead(long after, int limit) {
        feed.catchUp();
        return feed.read(after, limit);
    }

    /** The order's current document (fulfilment spec §2), as the warehouse reads it. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<String> document(String orderId, FulfilmentCaller caller) {
        var document = current(orderId);
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                caller.clientId(),
                "fulfilment.order.read",
                document.isPresent() ? "done" : "not-found",
                "fulfilment-order",
                orderId,
                caller.source(),
                null,
                null,
                Map.of()));
        return document;
    }

    /** The same for staff; audited as {@code fulfilment.order.viewed}. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<String> document(String orderId, Reader reader) {
        var document = current(orderId);
        document.ifPresent(found -> audit.record(AuditEntry.byUser(
                reader.actor(), "fulfilment.order.viewed", "fulfilment-order", orderId, reader.detail(Map.of()))));
        return document;
    }

    Optional<String> current(String orderId) {
        return Optional.ofNullable(em.find(FulfilmentOrder.class, orderId))
                .map(order -> OrderDocuments.document(
                        order,
                        em.createNamedQuery(FulfilmentItem.OF_ORDER, FulfilmentItem.class)
                                .setParameter("orderId", orderId)
                                .getResultList()));
    }
}
