package io.ordergate.stock.boundary;

/**
 * What one item of an order asks of the stock.
 *
 * @param itemId the item's id within its order (SCAYLE's item reference, Scalepoint's line id)
 * @param warehouse the warehouse the item ships from, or null: its level is used when the stock has
 *     one, else the SKU's level as a whole
 */
public record Demand(String itemId, String sku, String warehouse, int quantity) {}
