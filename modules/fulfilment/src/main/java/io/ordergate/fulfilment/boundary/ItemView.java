package io.ordergate.fulfilment.boundary;

/**
 * One item of an order and where its units stand; {@code left = ordered - shipped - cancelled}.
 *
 * @param cancelled includes the units answered to the platform as not deliverable
 */
public record ItemView(
        int position,
        String itemId,
        String sku,
        String name,
        String warehouse,
        int ordered,
        int deliverable,
        int shipped,
        int cancelled,
        int returned,
        int left) {}
