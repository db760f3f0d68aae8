package io.ordergate.fulfilment.control;

import io.ordergate.fulfilment.boundary.ItemCounts;
import io.ordergate.fulfilment.boundary.ItemView;
import io.ordergate.fulfilment.boundary.OrderFilter;
import io.ordergate.fulfilment.boundary.OrderSort;
import io.ordergate.fulfilment.boundary.OrderState;
import io.ordergate.fulfilment.boundary.OrderSummary;
import io.ordergate.fulfilment.boundary.TimelineEntry;
import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The orders as staff read them back: the filtered list, paged and ordered in the database, and an
 * order's own history (feed changes, reports, outbound rows) for its timeline.
 */
@ApplicationScoped
public class OrderQueries {

    /** The states in which units are still left to ship. */
    static final List<String> LEFT_TO_SHIP =
            List.of(LowerCaseEnum.wire(OrderState.OPEN), LowerCaseEnum.wire(OrderState.PARTIALLY_SHIPPED));

    static final String FEED_CHANGES = """
            SELECT position, kind, version, created_at, sequenced_at
            FROM ful_feed_change WHERE order_id = ?1 ORDER BY change_id""";

    static final String REPORTS = """
            SELECT r.report_id, r.kind, r.report_key, r.client_id, r.received_at,
                   string_agg(i.item_id || ' × ' || i.quantity, ', ' ORDER BY i.item_id) AS items
            FROM ful_report r LEFT JOIN ful_report_item i ON i.report_id = r.report_id
            WHERE r.order_id = ?1 GROUP BY r.report_id ORDER BY r.report_id""";

    static final String OUTBOUND = """
            SELECT outbound_id, platform, kind, status, report_id, created_at
            FROM ful_outbound WHERE order_id = ?1 ORDER BY outbound_id""";

    @PersistenceContext
    EntityManager em;

    /** One page, ordered by received time (ties by order id, so pages never overlap). */
    public List<OrderSummary> orders(OrderFilter filter, OrderSort sort, Page.Request page, Instant now) {
        var parameters = new HashMap<String, Object>();
        var direction = sort == OrderSort.OLDEST ? "ASC" : "DESC";
        var rows = em.createQuery(
                "SELECT o FROM FulfilmentOrder o" + where(filter, now, parameters) + " ORDER BY o.receivedAt "
                        + direction + ", o.orderId " + direction,
                FulfilmentOrder.class);
        parameters.forEach(rows::setParameter);
        var orders =
                rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        if (orders.isEmpty()) {
            return List.of();
        }
        var items = em
                .createQuery(
                        "SELECT i FROM FulfilmentItem i WHERE i.orderId IN :ids ORDER BY i.orderId, i.position",
                        FulfilmentItem.class)
                .setParameter(
                        "ids", orders.stream().map(FulfilmentOrder::orderId).toList())
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(FulfilmentItem::orderId));
        return orders.stream()
                .map(o -> summary(
                        o,
                        ItemCounts.of(items.getOrDefault(o.orderId(), List.of()).stream()
                                .map(OrderQueries::item)
                                .toList())))
                .toList();
    }

    public long count(OrderFilter filter, Instant now) {
        var parameters = new HashMap<String, Object>();
        var count =
                em.createQuery("SELECT COUNT(o) FROM FulfilmentOrder o" + where(filter, now, parameters), Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** The JPQL condition of the filter, its parameters put in {@code parameters}. */
    static String where(OrderFilter filter, Instant now, Map<String, Object> parameters) {
        var conditions = new ArrayList<String>();
        if (filter.status() != null) {
            conditions.add("o.status = :status");
            parameters.put("status", LowerCaseEnum.wire(filter.status()));
        }
        if (filter.source() != null) {
            conditions.add("o.source = :source");
            parameters.put("source", filter.source());
        }
        if (filter.merchantKey() != null) {
            conditions.add("o.merchantKey = :merchantKey");
            parameters.put("merchantKey", filter.merchantKey());
        }
        if (filter.sku() != null) {
            conditions.add("EXISTS (SELECT i FROM FulfilmentItem i WHERE i.orderId = o.orderId AND i.sku = :sku)");
            parameters.put("sku", filter.sku());
        }
        if (filter.attention() != null) {
            conditions.add(filter.attention() ? "o.attention IS NOT NULL" : "o.attention IS NULL");
        }
        if (filter.notShippedAfterDays() != null) {
            conditions.add("o.status IN :leftToShip AND o.receivedAt < :receivedBefore");
            parameters.put("leftToShip", LEFT_TO_SHIP);
            parameters.put("receivedBefore", now.minus(Duration.ofDays(filter.notShippedAfterDays())));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public List<ItemView> items(String orderId) {
        return em
                .createNamedQuery(FulfilmentItem.OF_ORDER, FulfilmentItem.class)
                .setParameter("orderId", orderId)
                .getResultList()
                .stream()
                .map(OrderQueries::item)
                .toList();
    }

    /** The order's feed changes, reports and outbound rows, each kind oldest first. */
    public List<TimelineEntry> history(String orderId) {
        var entries = new ArrayList<TimelineEntry>();
        for (var row : SqlRow.list(em.createNativeQuery(FEED_CHANGES).setParameter(1, orderId))) {
            var position = row.longValue("position");
            entries.add(new TimelineEntry(
                    row.instant("created_at"),
                    TimelineEntry.FEED,
                    row.string("kind") + " v" + row.integer("version"),
                    // positions are given as the feed is read (or pushed), so a change may wait for one
                    position == null ? "no position yet: given when the feed is next read" : "position " + position));
        }
        for (var row : SqlRow.list(em.createNativeQuery(REPORTS).setParameter(1, orderId))) {
            entries.add(new TimelineEntry(
                    row.instant("received_at"),
                    TimelineEntry.REPORT,
                    row.string("kind") + " reported",
                    "key " + row.string("report_key") + " by " + row.string("client_id") + ": items "
                            + row.string("items")));
        }
        for (var row : SqlRow.list(em.createNativeQuery(OUTBOUND).setParameter(1, orderId))) {
            entries.add(new TimelineEntry(
                    row.instant("created_at"),
                    TimelineEntry.OUTBOUND,
                    row.string("kind") + " to " + row.string("platform") + ": " + row.string("status"),
                    "of report " + row.longValue("report_id")));
        }
        return entries;
    }

    static ItemView item(FulfilmentItem i) {
        return new ItemView(
                i.position(),
                i.itemId(),
                i.sku(),
                i.name(),
                i.warehouse(),
                i.ordered(),
                i.deliverable(),
                i.shipped(),
                i.cancelled(),
                i.returned(),
                i.left());
    }

    static OrderSummary summary(FulfilmentOrder o, ItemCounts units) {
        return new OrderSummary(
                o.orderId(),
                o.source(),
                o.merchantKey(),
                o.reference(),
                o.platformOrderId(),
                o.status(),
                o.receivedAt(),
                units,
                o.attention());
    }
}
