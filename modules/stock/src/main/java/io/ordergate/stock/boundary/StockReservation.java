package io.ordergate.stock.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * What one order item holds of a stock level until it is shipped (consumed) or cancelled
 * (released).
 *
 * @param orderId the order as the stock knows it (SCAYLE: {@code scayle:{merchantKey}:{referenceKey}})
 * @param warehouse null for the level of the SKU as a whole (written as null, not left out)
 * @param quantity the units still held
 * @param since when the order reserved them
 */
@JsonbNillable
public record StockReservation(
        String orderId, String itemId, String sku, String warehouse, int quantity, Instant since) {}
