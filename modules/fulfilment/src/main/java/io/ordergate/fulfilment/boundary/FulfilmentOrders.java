package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.fulfilment.control.OrderQueries;
import io.ordergate.fulfilment.control.Timeline;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.fulfilment.entity.HandledAttention;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.boundary.OrderSnapshots;
import io.ordergate.scayle.boundary.ReceivedDelegations;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orders of both platforms as staff read them back (the console's Orders view and order page),
 * and staff's one change to an order: marking its attention flag as handled.
 *
 * <p>Who reads is audited here, once per listing (a lazy grid's {@link #count}, or {@link #list})
 * as {@code fulfilment.orders.listed} with its filter and total, and once per order page
 * ({@link #detail}) as {@code fulfilment.order.viewed}: the detail carries the ship-to address and
 * the customer's contact, as SCAYLE's and Scalepoint's own order reads do. The platform side of the
 * timeline is read through the platforms' boundaries without their customer data, so one look at
 * an order is one record.
 */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FulfilmentOrders {

    public static final int MAX_NOTE = 500;
    public static final int MAX_DAYS = 3650;

    @PersistenceContext
    EntityManager em;

    @Inject
    OrderQueries queries;

    @Inject
    ReceivedDelegations delegations;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A page of the list with the total; recorded as a listing by {@code reader}. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Page<OrderSummary> list(OrderFilter filter, OrderSort sort, Page.Request page, Reader reader) {
        check(filter);
        var now = clock.instant();
        var result = new Page<>(queries.orders(filter, sort, page, now), queries.count(filter, now));
        listed(filter, result.total(), reader);
        return result;
    }

    /** One page of the list without counting (a lazy grid counts once, separately: see {@link #count}). */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<OrderSummary> items(OrderFilter filter, OrderSort sort, Page.Request page) {
        check(filter);
        return queries.orders(filter, sort, page, clock.instant());
    }

    /** How many orders match; a lazy grid counts once per listing, so the count is recorded as the listing. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public long count(OrderFilter filter, Reader reader) {
        check(filter);
        var count = queries.count(filter, clock.instant());
        listed(filter, count, reader);
        return count;
    }

    void listed(OrderFilter filter, long total, Reader reader) {
        audit.record(reader.listed("fulfilment.orders.listed", "fulfilment-orders", filter, total));
    }

    /**
     * The order with its items and its timeline: the platform's messages (SCAYLE's deliveries and
     * cancellations, Scalepoint's Order Data versions and fetches), the warehouse's reports, the feed
     * changes, the outbound rows and staff's handling of its flag, merged by time.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<OrderDetail> detail(String orderId, Reader reader) {
        var order = em.find(FulfilmentOrder.class, orderId);
        if (order == null) {
            return Optional.empty();
        }
        var items = queries.items(orderId);
        var handled = em
                .createNamedQuery(HandledAttention.OF_ORDER, HandledAttention.class)
                .setParameter("orderId", orderId)
                .getResultList()
                .stream()
                .map(h -> new AttentionHandled(h.orderId(), h.attention(), h.note(), h.handledBy(), h.handledAt()))
                .toList();
        var entries = new ArrayList<>(platform(order));
        entries.addAll(queries.history(orderId));
        handled.forEach(h -> entries.add(new TimelineEntry(
                h.handledAt(),
                TimelineEntry.STAFF,
                "attention handled by " + h.handledBy(),
                h.note() + " (the flag said: " + h.attention() + ")")));
        var detail = new OrderDetail(
                order.orderId(),
                order.source(),
                order.merchantKey(),
                order.reference(),
                order.platformOrderId(),
                order.status(),
                order.version(),
                order.receivedAt(),
                order.updatedAt(),
                order.carrier(),
                order.shipTo(),
                order.customer(),
                order.attention(),
                items,
                ItemCounts.of(items),
                handled,
                Timeline.merge(entries));
        audit.record(AuditEntry.byUser(
                reader.actor(), "fulfilment.order.viewed", "fulfilment-order", orderId, reader.detail(Map.of())));
        return Optional.of(detail);
    }

    /** What the order's platform recorded of it, through the platform's boundary. */
    List<TimelineEntry> platform(FulfilmentOrder order) {
        var entries = new ArrayList<TimelineEntry>();
        if ("scayle".equals(order.source())) {
            delegations.history(order.merchantKey(), order.reference()).ifPresent(history -> {
                history.attempts()
                        .forEach(a -> entries.add(new TimelineEntry(
                                a.receivedAt(),
                                TimelineEntry.SCAYLE,
                                a.kind() + " delivered: " + LowerCaseEnum.wire(a.outcome()) + ", answered "
                                        + a.responseStatus(),
                                "request " + a.requestId())));
                history.cancellations()
                        .forEach(c -> entries.add(new TimelineEntry(
                                c.receivedAt(),
                                TimelineEntry.SCAYLE,
                                "cancellation",
                                (c.warehouseIds() == null || c.warehouseIds().isBlank()
                                                ? "all warehouses"
                                                : "warehouses " + c.warehouseIds())
                                        + (c.conflict() ? "; redelivered with other content" : ""))));
            });
        } else {
            for (var version : snapshots.snapshots(order.reference())) {
                entries.add(new TimelineEntry(
                        version.fetchedAt(), TimelineEntry.SCALEPOINT, "Order Data v" + version.version(), ""));
            }
            for (var fetch : snapshots.fetches(order.reference(), 200)) {
                entries.add(new TimelineEntry(
                        fetch.startedAt(),
                        TimelineEntry.SCALEPOINT,
                        "Order Data fetch: " + fetch.outcome()
                                + (fetch.httpStatus() == null ? "" : ", HTTP " + fetch.httpStatus()),
                        fetch.error() == null ? "" : fetch.error()));
            }
        }
        return entries;
    }

    /**
     * Staff handled what the order's flag asked for: the flag is cleared and the handling kept (the
     * flag's text, the note, who, when) for the order's timeline and the audit trail. The order is
     * locked, like a report locks it, so a flag raised meanwhile is not cleared unseen: when
     * {@code seen} (the text the user read) is given and the flag says something else now, 409.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public AttentionHandled handleAttention(String orderId, String seen, String note, String actor) {
        var text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new ProblemException(
                    400, "Bad Request", "Say in a short note (1 to " + MAX_NOTE + " characters) what was done.");
        }
        var order = em.find(FulfilmentOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new ProblemException(404, "Not Found", "There is no order '" + orderId + "'.");
        }
        if (order.attention() == null) {
            throw new ProblemException(409, "Conflict", "Order '" + orderId + "' is not flagged for attention.");
        }
        if (seen != null && !seen.equals(order.attention())) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "The flag of order '" + orderId + "' changed since you read it; reload the order and look again.");
        }
        var cleared = order.clearAttention();
        var handled = new HandledAttention(orderId, cleared, text, actor, clock.instant());
        em.persist(handled);
        audit.record(AuditEntry.byUser(
                actor,
                "fulfilment.attention.cleared",
                "fulfilment-order",
                orderId,
                Map.of("note", text, "attention", cleared)));
        return new AttentionHandled(orderId, cleared, text, actor, handled.handledAt());
    }

    /** The filter's own limits, so that neither a link nor an API caller can ask for nonsense. */
    static void check(OrderFilter filter) {
        if (filter.source() != null && !OrderFilter.SOURCES.contains(filter.source())) {
            throw bad("There is no platform '" + filter.source() + "'; the platforms are scayle and scalepoint.");
        }
        for (var text : new String[] {filter.merchantKey(), filter.sku()}) {
            if (text != null && text.length() > OrderFilter.MAX_TEXT) {
                throw bad("A merchant key or SKU has at most " + OrderFilter.MAX_TEXT + " characters.");
            }
        }
        var days = filter.notShippedAfterDays();
        if (days != null && (days < 0 || days > MAX_DAYS)) {
            throw bad("'Not shipped after' counts days from 0 to " + MAX_DAYS + ", not " + days + ".");
        }
    }

    static ProblemException bad(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }
}
