package io.ordergate.stock.boundary;

import java.util.Set;

/**
 * Levels of these SKUs changed (a count reported, a reservation made, released or consumed): fired
 * synchronously in the transaction that changed them, once per statement that journaled a change,
 * so an observer's own writes (the scalepoint module queues a stock event per SKU) commit or roll
 * back with the change.
 *
 * @param cause the journal's cause: {@code level}, {@code reserved}, {@code released} or {@code consumed}
 */
public record StockChanged(Set<String> skus, String cause) {}
