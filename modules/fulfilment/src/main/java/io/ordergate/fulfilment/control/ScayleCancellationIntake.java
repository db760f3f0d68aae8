package io.ordergate.fulfilment.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.fulfilment.boundary.OrderState;
import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.scayle.boundary.CancellationApplied;
import io.ordergate.stock.boundary.Stock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;

/**
 * SCAYLE's cancellation webhook, applied (fulfilment spec §5), in the transaction that stores the
 * cancellation (or acknowledges an order whose cancellation came first): the items not shipped are
 * cancelled, their reservations released, and the order reaches the feed as {@code order.cancelled}
 * (nothing was shipped) or {@code order.updated}. Shipped items stay shipped and the order is flagged
 * for staff; SCAYLE is still answered {@code successful}, as its contract requires.
 *
 * <p>Which items: those of the warehouses the cancellation covers through the merchant's map of
 * SCAYLE warehouse ids (the scayle module resolves them); all of them when it names no warehouse or
 * the merchant has no map. A map that knows none of the named ids covers no item, and the order is
 * flagged for staff.
 */
@ApplicationScoped
public class ScayleCancellationIntake {

    @PersistenceContext
    EntityManager em;

    @Inject
    Feed feed;

    @Inject
    Stock stock;

    @Inject
    Clock clock;

    void applied(@Observes CancellationApplied cancellation) {
        // the order may have been created in this very transaction (a cancellation that came first)
        em.flush();
        var order = em.find(FulfilmentOrder.class, cancellation.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            // acknowledged before the fulfilment model existed: nothing of it is in the feed to change
            return;
        }
        var items = em.createNamedQuery(FulfilmentItem.OF_ORDER, FulfilmentItem.class)
                .setParameter("orderId", order.orderId())
                .getResultList();
        var units = new LinkedHashMap<String, Integer>();
        boolean shipped = false;
        for (var item : items) {
            var covered = cancellation.warehouses() == null
                    || cancellation.warehouses().contains(item.warehouse());
            if (!covered) {
                continue;
            }
            int cancelled = item.cancel(item.left());
            if (cancelled > 0) {
                units.merge(item.itemId(), cancelled, Integer::sum);
            }
            shipped |= item.shipped() > 0;
        }
        if (shipped) {
            // when it came is in the order's timeline (in the reader's time zone), so not in the text
            order.flag("SCAYLE cancelled the order after items had shipped: what was left is cancelled, "
                    + "what shipped stays shipped.");
        }
        if (cancellation.warehouses() != null && cancellation.warehouses().isEmpty()) {
            order.flag("SCAYLE cancelled the order in warehouses " + cancellation.warehouseIds()
                    + " that the merchant's warehouse map does not know; nothing was cancelled.");
        }
        if (units.isEmpty()) {
            return;
        }
        stock.release(order.orderId(), units, AuditEntry.ACTOR_SCAYLE, cancellation.merchantKey());
        order.changed(order.shipTo(), order.customer(), items, clock.instant());
        feed.append(order, items, order.status() == OrderState.CANCELLED ? "order.cancelled" : "order.updated");
    }
}
