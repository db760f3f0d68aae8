package io.ordergate.stock.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * One stock level: what the ERP counted ({@code onHand}, at {@code asOf}), what orders have
 * reserved of it, and what is left for new orders ({@code available}, never below zero).
 *
 * @param warehouse null for a level of the SKU as a whole (written as null, not left out)
 */
@JsonbNillable
public record StockLevelView(String sku, String warehouse, int onHand, int reserved, int available, Instant asOf) {}
