package io.ordergate.fulfilment.boundary;

import java.util.List;

/**
 * What the Orders view narrows the orders to; every null means "any". Filters combine with AND.
 *
 * @param source {@code scayle} or {@code scalepoint}
 * @param sku an item's SKU, exactly: the order has at least one item of it
 * @param attention true: only orders flagged for staff (an open flag)
 * @param notShippedAfterDays only orders received more than this many days ago with units still
 *     left to ship (status {@code open} or {@code partially_shipped}); 0 or more
 */
public record OrderFilter(
        OrderState status,
        String source,
        String merchantKey,
        String sku,
        Boolean attention,
        Integer notShippedAfterDays) {

    public static final OrderFilter ANY = new OrderFilter(null, null, null, null, null, null);

    public static final int MAX_TEXT = 200;

    /** Sources as the schema names them. */
    public static final List<String> SOURCES = List.of("scayle", "scalepoint");
}
