package io.ordergate.fulfilment.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.scalepoint.boundary.OrderData;
import io.ordergate.scalepoint.boundary.OrderDataChanged;
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
            create(orderId, changed, data, lines, shipTo, customer);
        } else {
            update(order, data, lines, shipTo, customer);
        }
    }

    void create(
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
    }

    void update(FulfilmentOrder order, OrderData data, List<Line> lines, String shipTo, String customer) {
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
        if (changed) {
            order.changed(shipTo, customer, items, clock.instant());
            feed.append(order, items, "order.updated");
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
