package io.ordergate.fulfilment.boundary;

import io.ordergate.platform.boundary.LowerCaseEnum;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

/**
 * Where an order stands (fulfilment spec §2), from its items' units: {@code open} (nothing shipped,
 * something left), {@code partially_shipped}, {@code shipped} (nothing left, something shipped),
 * {@code cancelled} (nothing left, nothing shipped). Returns do not change it.
 */
@JsonbTypeAdapter(OrderState.Json.class)
public enum OrderState {
    OPEN,
    PARTIALLY_SHIPPED,
    SHIPPED,
    CANCELLED;

    /** @param left units still to ship, over all items */
    public static OrderState of(long left, long shipped) {
        if (left > 0) {
            return shipped > 0 ? PARTIALLY_SHIPPED : OPEN;
        }
        return shipped > 0 ? SHIPPED : CANCELLED;
    }

    public static class Json extends LowerCaseEnum<OrderState> {
        public Json() {
            super(OrderState.class);
        }
    }
}
