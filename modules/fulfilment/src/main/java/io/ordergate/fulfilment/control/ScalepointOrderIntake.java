package io.ordergate.fulfilment.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.fulfilment.boundary.OrderState;
import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.scalepoint.boundary.OrderData;
import io.ordergate.scalepoint.boundary.OrderDataChanged;
import io.ordergate.scalepoint.boundary.OrderRefreshes;
import io.ordergate.stock.boundary.Demand;
import io.ordergate.stock.boundary.Stock;
import io.ordergate.stock.boundary.StockPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * A Scalepoint order enters the fulfilment model and the feed when its Order Data is first fetched
 * (fulfilment spec §2), reserving what the stock has (it has no acknowledgement to shape: every unit
 * is deliverable); a later version that changes the lines, the address or the contact is an
 * {@code order.updated}. All in the transaction that stores the version.
 *
 * <p>How a changed version maps onto the items: a line is an item by its {@code lineId} (by its
 * position when it has none); a changed quantity never drops below what is shipped or cancelled;
 * a line that disappears has what is left of it cancelled; a new line is a new item. Reservations
 * follow: a new line reserves, a larger quantity reserves the difference, a smaller one or a line
 * that disappears releases what is no longer to ship. A line whose product changed keeps the
 * reservation of its first product (a reservation belongs to one SKU; staff see the item's stock in
 * the Stock view).
 *
 * <p>A version whose status closes the order ({@code OrderDataChanged.closes}: one of
 * {@code ordergate.scalepoint.refresh-closing-statuses}) stops fulfilment for it in the same
 * transaction, as SCAYLE's cancellation does: what is left to ship is cancelled, its reservation
 * released, the order flagged for staff, and the feed gets {@code order.cancelled} (nothing was
 * shipped) or {@code order.updated}. A first version that is already closed enters as
 * {@code order.created} and is cancelled at once. Later reports of shipments for those units are
 * refused, as for every cancelled unit.
 *
 * <p>Scalepoint's own status is not part of the order document (one shape for both platforms, and
 * the status names are not public): a version that changes only the status reaches the feed only
 * when the status closes the order, through its effect on the items.
 */
@ApplicationScoped
public class ScalepointOrderIntake {

    @PersistenceContext
    EntityManager em;

    @Inject
    Feed feed;

    @Inject
    Stock stock;

    @Inject
    Clock clock;

    @Inject
    OrderRefreshes refreshes;

    record Line(String itemId, String sku, String name, int quantity, Long unitPrice) {

        /** A new item for this line: every unit deliverable, no warehouse (Order Data names none). */
        FulfilmentItem item(String orderId, int position, String currency) {
            return new FulfilmentItem(
                    orderId, position, itemId, sku, name, null, quantity, quantity, unitPrice, currency);
        }
    }

    void changed(@Observes OrderDataChanged changed) {
        var orderId = "scalepoint:" + changed.orderToken();
        var data = changed.data();
        var lines = lines(data);
        var shipTo = shipTo(data.deliveryAddress());
        var customer = data.contact() == null
                ? null
                : OrderDocuments.object(
                        "email", data.contact().email(), "phone", data.contact().telephone());
        var order = em.find(FulfilmentOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            var created = create(orderId, changed, data, lines, shipTo, customer);
            if (changed.closes() && close(created.order(), created.items(), data)) {
                created.order().changed(shipTo, customer, created.items(), clock.instant());
                feed.append(created.order(), created.items(), kind(created.order()));
            }
        } else {
            update(order, data, lines, shipTo, customer, changed.closes());
        }
    }

    record Created(FulfilmentOrder order, List<FulfilmentItem> items) {}

    /**
     * Scalepoint closed the order: what is left to ship is cancelled and its reservation released,
     * and staff are told (once per order).
     *
     * @return whether any unit was cancelled
     */
    boolean close(FulfilmentOrder order, List<FulfilmentItem> items, OrderData data) {
        var units = new LinkedHashMap<String, Integer>();
        boolean shipped = false;
        for (var item : items) {
            int cancelled = item.cancel(item.left());
            if (cancelled > 0) {
                units.merge(item.itemId(), cancelled, Integer::sum);
            }
            shipped |= item.shipped() > 0;
        }
        if (!units.isEmpty()) {
            stock.release(order.orderId(), units, AuditEntry.ACTOR_SYSTEM, "scalepoint");
        }
        if ((!units.isEmpty() || shipped)
                && (order.attention() == null || !order.attention().contains(CLOSED))) {
            order.flag(CLOSED + " (status " + data.status().trim() + ")"
                    + (units.isEmpty() ? "" : "; what was left to ship is cancelled")
                    + (shipped ? ", after items had shipped." : "."));
        }
        return !units.isEmpty();
    }

    /** The start of the flag's text when Scalepoint closed an order; the flag is not repeated. */
    static final String CLOSED = "Scalepoint closed the order";

    static String kind(FulfilmentOrder order) {
        return order.status() == OrderState.CANCELLED ? "order.cancelled" : "order.updated";
    }

    Created create(
            String orderId,
            OrderDataChanged changed,
            OrderData data,
            List<Line> lines,
            String shipTo,
            String customer) {
        var items = new ArrayList<FulfilmentItem>(lines.size());
        var demands = new ArrayList<Demand>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            items.add(line.item(orderId, i, data.currency()));
            if (line.sku() != null) {
                demands.add(new Demand(line.itemId(), line.sku(), null, line.quantity()));
            }
        }
        if (!demands.isEmpty()) {
            stock.reserve(orderId, demands, () -> StockPolicy.TRUST, AuditEntry.ACTOR_SYSTEM, "scalepoint");
        }
        var order = new FulfilmentOrder(
                orderId,
                "scalepoint",
                null,
                changed.orderToken(),
                data.orderNumber(),
                changed.announcedAt(),
                null,
                shipTo,
                customer,
                items);
        em.persist(order);
        items.forEach(em::persist);
        feed.append(order, items, "order.created");
        return new Created(order, items);
    }

    void update(
            FulfilmentOrder order, OrderData data, List<Line> lines, String shipTo, String customer, boolean closes) {
        var items = new ArrayList<>(em.createNamedQuery(FulfilmentItem.OF_ORDER, FulfilmentItem.class)
                .setParameter("orderId", order.orderId())
                .getResultList());
        boolean changed = !Objects.equals(order.shipTo(), shipTo) || !Objects.equals(order.customer(), customer);
        var byId = new HashMap<String, FulfilmentItem>();
        items.forEach(item -> byId.put(item.itemId(), item));
        var listed = new HashMap<String, Line>();
        var reserving = new ArrayList<Demand>();
        var releasing = new HashMap<String, Integer>();
        for (var line : lines) {
            listed.put(line.itemId(), line);
            var item = byId.get(line.itemId());
            if (item == null) {
                item = line.item(order.orderId(), items.size(), data.currency());
                em.persist(item);
                items.add(item);
                changed = true;
                if (line.sku() != null) {
                    reserving.add(new Demand(line.itemId(), line.sku(), null, line.quantity()));
                }
            } else {
                var sku = item.sku();
                int before = item.ordered();
                changed |= item.revise(line.sku(), line.name(), line.quantity(), line.unitPrice(), data.currency());
                int more = item.ordered() - before;
                if (more > 0 && sku != null && sku.equals(item.sku())) {
                    reserving.add(new Demand(item.itemId(), sku, null, more));
                } else if (more < 0) {
                    releasing.put(item.itemId(), -more);
                }
            }
        }
        for (var item : items) {
            if (!listed.containsKey(item.itemId())) {
                int left = item.left();
                if (item.withdraw()) {
                    changed = true;
                    releasing.put(item.itemId(), left);
                }
            }
        }
        if (!releasing.isEmpty()) {
            stock.release(order.orderId(), releasing, AuditEntry.ACTOR_SYSTEM, "scalepoint");
        }
        if (!reserving.isEmpty()) {
            stock.reserve(order.orderId(), reserving, () -> StockPolicy.TRUST, AuditEntry.ACTOR_SYSTEM, "scalepoint");
        }
        // after the lines are settled, so the stock follows them first and then gives back what is left
        changed |= closes && close(order, items, data);
        if (changed) {
            order.changed(shipTo, customer, items, clock.instant());
            feed.append(order, items, closes ? kind(order) : "order.updated");
        } else {
            // a finished order whose last change could not tell Scalepoint's schedule (a fetch held
            // the order's row at that moment) is told now
            Feed.finished(refreshes, order, items);
        }
    }

    static List<Line> lines(OrderData data) {
        var lines = new ArrayList<Line>(data.lines().size());
        for (int i = 0; i < data.lines().size(); i++) {
            var line = data.lines().get(i);
            lines.add(new Line(
                    line.lineId() == null ? "#" + i : line.lineId(),
                    line.productId(),
                    line.description(),
                    units(line.quantity()),
                    minorUnits(line.unitPrice())));
        }
        return lines;
    }

    /** Whole units; a line without a readable quantity is one unit (the raw Order Data is kept). */
    static int units(BigDecimal quantity) {
        if (quantity == null || quantity.signum() < 0) {
            return 1;
        }
        return quantity.setScale(0, RoundingMode.UP).intValue();
    }

    /** Minor units, as SCAYLE sends amounts (two decimals, as every ClaimShop currency has). */
    static Long minorUnits(BigDecimal amount) {
        return amount == null
                ? null
                : amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
    }

    static String shipTo(OrderData.Address address) {
        if (address == null) {
            return null;
        }
        return OrderDocuments.object(
                "name", address.name(),
                "street", address.street(),
                "houseNumber", null,
                "zipCode", address.postalCode(),
                "city", address.city(),
                "countryCode", address.countryCode(),
                "collectionPoint", null);
    }
}
