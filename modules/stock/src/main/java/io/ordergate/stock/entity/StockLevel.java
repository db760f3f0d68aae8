package io.ordergate.stock.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The stock of one SKU in one warehouse ({@code ""}: the SKU as a whole) as the ERP last counted
 * it, and how much of it orders have reserved. Read as an object; changed only by the bulk
 * statements of {@code StockLevels}, which lock the rows they change and journal every change.
 */
@Entity
@Table(name = "stock_level")
@IdClass(StockLevel.Key.class)
public class StockLevel {

    /** The warehouse of a level that applies to the SKU as a whole. */
    public static final String ANY_WAREHOUSE = "";

    @Id
    @Column(name = "sku")
    String sku;

    @Id
    @Column(name = "warehouse")
    String warehouse;

    @Column(name = "on_hand", nullable = false)
    int onHand;

    @Column(name = "reserved", nullable = false)
    int reserved;

    @Column(name = "as_of", nullable = false)
    Instant asOf;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected StockLevel() {}

    public String sku() {
        return sku;
    }

    /** null for a level of the SKU as a whole */
    public String warehouse() {
        return warehouse.isEmpty() ? null : warehouse;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    /** What orders may still reserve: never below zero, also when the ERP counts fewer than are reserved. */
    public int available() {
        return Math.max(0, onHand - reserved);
    }

    public Instant asOf() {
        return asOf;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String sku;
        String warehouse;

        public Key() {}

        public Key(String sku, String warehouse) {
            this.sku = sku;
            this.warehouse = warehouse;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && sku.equals(key.sku) && warehouse.equals(key.warehouse);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, warehouse);
        }
    }
}
