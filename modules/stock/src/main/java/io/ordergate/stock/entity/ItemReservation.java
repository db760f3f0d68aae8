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
 * What one order item holds of a stock level ({@code quantity}: still held; 0 once released or
 * consumed). Read as an object; written only by the bulk statements of {@code StockLevels}, in the
 * transaction that changes the level.
 */
@Entity
@Table(name = "stock_reservation")
@IdClass(ItemReservation.Key.class)
public class ItemReservation {

    @Id
    @Column(name = "order_id")
    String orderId;

    @Id
    @Column(name = "item_id")
    String itemId;

    @Column(name = "sku", nullable = false)
    String sku;

    @Column(name = "warehouse", nullable = false)
    String warehouse;

    @Column(name = "quantity", nullable = false)
    int quantity;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ItemReservation() {}

    public String orderId() {
        return orderId;
    }

    public String itemId() {
        return itemId;
    }

    public String sku() {
        return sku;
    }

    /** null for the level of the SKU as a whole */
    public String warehouse() {
        return warehouse.isEmpty() ? null : warehouse;
    }

    public int quantity() {
        return quantity;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String orderId;
        String itemId;

        public Key() {}

        public Key(String orderId, String itemId) {
            this.orderId = orderId;
            this.itemId = itemId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && orderId.equals(key.orderId) && itemId.equals(key.itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, itemId);
        }
    }
}
