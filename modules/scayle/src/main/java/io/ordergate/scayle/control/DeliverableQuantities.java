package io.ordergate.scayle.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.scayle.boundary.DelegationRequest;
import io.ordergate.scayle.entity.MerchantSettings;
import io.ordergate.stock.boundary.Demand;
import io.ordergate.stock.boundary.Stock;
import io.ordergate.stock.boundary.StockPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides how many units of an item we promise SCAYLE (fulfilment spec §4):
 * decided once, at the first delivery, in the transaction that claims the order, from what the
 * stock has available, and reserved; a redelivery gets the stored answer and never comes here.
 */
@ApplicationScoped
public class DeliverableQuantities {

    @Inject
    Stock stock;

    @PersistenceContext
    EntityManager em;

    /** The order's id in the stock and the fulfilment feed: {@code scayle:{merchantKey}:{referenceKey}}. */
    public static String orderId(DelegationRequest order) {
        return "scayle:" + order.fulfillingMerchantKey() + ":" + order.referenceKey();
    }

    /** What the acknowledgement says before the stock is asked: every unit (the answer for a SKU without a level under the default policy). */
    public static List<Integer> ordered(DelegationRequest order) {
        return order.items().stream().map(DelegationRequest.Item::quantity).toList();
    }

    /**
     * Reserves what the stock has for the order's items and returns the deliverable quantity of each.
     *
     * @param caller the SCAYLE credential that delivered the order (the journal's actor)
     */
    public List<Integer> reserve(DelegationRequest order, String caller) {
        var demands = new ArrayList<Demand>(order.items().size());
        for (int i = 0; i < order.items().size(); i++) {
            var item = order.items().get(i);
            demands.add(new Demand(
                    order.itemId(i),
                    item.sku() == null ? "" : item.sku(),
                    item.warehouseReferenceKey(),
                    item.quantity()));
        }
        return stock.reserve(
                orderId(order), demands, () -> policy(order.fulfillingMerchantKey()), AuditEntry.ACTOR_SCAYLE, caller);
    }

    StockPolicy policy(String merchantKey) {
        var settings = em.find(MerchantSettings.class, merchantKey);
        return settings == null ? MerchantSettings.DEFAULT_STOCK_POLICY : settings.stockPolicy();
    }
}
