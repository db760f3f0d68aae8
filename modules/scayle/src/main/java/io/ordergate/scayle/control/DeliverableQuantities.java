package io.ordergate.scayle.control;

import io.ordergate.scayle.boundary.DelegationRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that decides how many units of an item we promise SCAYLE. For now every ordered
 * unit is deliverable; a stock policy replaces this bean (for example with a CDI alternative or
 * specialization) without touching the webhook.
 */
@ApplicationScoped
public class DeliverableQuantities {

    public int deliverable(DelegationRequest order, DelegationRequest.Item item) {
        return item.quantity();
    }
}
