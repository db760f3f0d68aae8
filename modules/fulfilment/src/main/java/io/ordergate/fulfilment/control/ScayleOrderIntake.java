package io.ordergate.fulfilment.control;

import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.scayle.boundary.Address;
import io.ordergate.scayle.boundary.DelegationAccepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;

/**
 * A SCAYLE order enters the fulfilment model and the feed when it is acknowledged (fulfilment spec
 * §2), in the transaction of the acknowledgement: items promised with {@code deliverable} 0 are in
 * it, already counted as cancelled.
 */
@ApplicationScoped
public class ScayleOrderIntake {

    @PersistenceContext
    EntityManager em;

    @Inject
    Feed feed;

    void accepted(@Observes DelegationAccepted accepted) {
        var order = accepted.order();
        var items = new ArrayList<FulfilmentItem>(order.items().size());
        for (int i = 0; i < order.items().size(); i++) {
            var item = order.items().get(i);
            items.add(new FulfilmentItem(
                    accepted.orderId(),
                    i,
                    order.itemId(i),
                    item.sku(),
                    item.name(),
                    item.warehouseReferenceKey(),
                    item.quantity(),
                    accepted.deliverable().get(i),
                    item.price(),
                    item.currencyCode()));
        }
        var shipping = order.shipping();
        var created = new FulfilmentOrder(
                accepted.orderId(),
                "scayle",
                order.fulfillingMerchantKey(),
                order.referenceKey(),
                order.orderId() == null ? null : String.valueOf(order.orderId()),
                accepted.receivedAt(),
                order.carrierKey(),
                shipping == null ? null : shipTo(shipping),
                OrderDocuments.object(
                        "email", order.customerEmail(), "phone", shipping == null ? null : shipping.phoneNumber()),
                items);
        em.persist(created);
        items.forEach(em::persist);
        feed.append(created, items, "order.created");
    }

    static String shipTo(Address address) {
        var name = address.firstName() == null
                ? address.lastName()
                : address.lastName() == null ? address.firstName() : address.firstName() + " " + address.lastName();
        return OrderDocuments.object(
                "name", name,
                "street", address.street(),
                "houseNumber", address.houseNumber(),
                "zipCode", address.zipCode(),
                "city", address.city(),
                "countryCode", address.countryCode(),
                "collectionPoint", null);
    }
}
