package io.ordergate.stock.boundary;

import java.time.Instant;
import java.util.List;

/**
 * Absolute stock levels as the ERP counted them at {@code asOf}: each replaces the level of its SKU
 * and warehouse unless a later count was applied already.
 */
public record StockReport(Instant asOf, List<Level> levels) {

    /** @param warehouse null for a level of the SKU as a whole */
    public record Level(String sku, String warehouse, int onHand) {}
}
