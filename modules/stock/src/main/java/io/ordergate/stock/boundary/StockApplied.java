package io.ordergate.stock.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** What a stock report changed: how many levels it applied, and which it ignored and why. */
public record StockApplied(int applied, List<Ignored> ignored) {

    /** @param warehouse null for a level of the SKU as a whole (written as null, not left out) */
    @JsonbNillable
    public record Ignored(String sku, String warehouse, String reason) {}
}
