package io.ordergate.stock.boundary;

import io.ordergate.platform.boundary.LowerCaseEnum;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

/**
 * What an order gets of a SKU for which the stock has no level at all: {@code trust} (the default:
 * all of it, nothing reserved; for merchants whose ERP reports only part of the range) or
 * {@code strict} (none: an item without a level is not promised).
 */
@JsonbTypeAdapter(StockPolicy.Json.class)
public enum StockPolicy {
    TRUST,
    STRICT;

    public static class Json extends LowerCaseEnum<StockPolicy> {
        public Json() {
            super(StockPolicy.class);
        }
    }
}
