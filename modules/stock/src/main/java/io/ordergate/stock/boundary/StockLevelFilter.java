package io.ordergate.stock.boundary;

/**
 * Which stock levels a listing shows.
 *
 * @param sku a SKU, or null for all
 * @param skuPrefix whether {@code sku} is the start of the SKUs rather than one exact SKU
 * @param availableAtMost only levels with at most this many units available (low stock), or null
 */
public record StockLevelFilter(String sku, boolean skuPrefix, Integer availableAtMost) {

    public static StockLevelFilter all() {
        return new StockLevelFilter(null, false, null);
    }

    /** One exact SKU (null for all), as the fulfilment API filters. */
    public static StockLevelFilter exact(String sku) {
        return new StockLevelFilter(sku, false, null);
    }
}
