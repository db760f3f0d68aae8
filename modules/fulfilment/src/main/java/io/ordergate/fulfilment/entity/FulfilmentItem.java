package io.ordergate.fulfilment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One item of an order and where its units stand. {@code cancelled} counts the units answered as not
 * deliverable from the start; left to ship is {@code ordered - shipped - cancelled}.
 */
@Entity
@Table(name = "ful_order_item")
@IdClass(FulfilmentItem.Key.class)
@NamedQuery(
        name = FulfilmentItem.OF_ORDER,
        query = "SELECT i FROM FulfilmentItem i WHERE i.orderId = :orderId ORDER BY i.position")
public class FulfilmentItem {

    public static final String OF_ORDER = "FulfilmentItem.ofOrder";

    @Id
    @Column(name = "order_id")
    String orderId;

    @Id
    @Column(name = "position")
    int position;

    @Column(name = "item_id", nullable = false)
    String itemId;

    @Column(name = "sku")
    String sku;

    @Column(name = "name")
    String name;

    @Column(name = "warehouse")
    String warehouse;

    @Column(name = "ordered", nullable = false)
    int ordered;

    @Column(name = "deliverable", nullable = false)
    int deliverable;

    @Column(name = "shipped", nullable = false)
    int shipped;

    @Column(name = "cancelled", nullable = false)
    int cancelled;

    @Column(name = "returned", nullable = false)
    int returned;

    @Column(name = "unit_price")
    Long unitPrice;

    @Column(name = "currency")
    String currency;

    protected FulfilmentItem() {}

    /** A new item: what is not deliverable counts as cancelled from the start. */
    public FulfilmentItem(
            String orderId,
            int position,
            String itemId,
            String sku,
            String name,
            String warehouse,
            int ordered,
            int deliverable,
            Long unitPrice,
            String currency) {
        this.orderId = orderId;
        this.position = position;
        this.itemId = itemId;
        this.sku = sku;
        this.name = name;
        this.warehouse = warehouse;
        this.ordered = ordered;
        this.deliverable = deliverable;
        this.cancelled = ordered - deliverable;
        this.unitPrice = unitPrice;
        this.currency = currency;
    }

    /**
     * The platform changed the item (a new Order Data version): its description, price and quantity.
     * Units already shipped or cancelled stay so; the quantity never drops below them.
     *
     * @return whether anything changed
     */
    public boolean revise(String sku, String name, int ordered, Long unitPrice, String currency) {
        int floor = shipped + cancelled;
        int quantity = Math.max(ordered, floor);
        boolean changed = !Objects.equals(this.sku, sku)
                || !Objects.equals(this.name, name)
                || this.ordered != quantity
                || !Objects.equals(this.unitPrice, unitPrice)
                || !Objects.equals(this.currency, currency);
        this.sku = sku;
        this.name = name;
        this.deliverable = Math.min(quantity, this.deliverable + (quantity - this.ordered));
        this.ordered = quantity;
        this.unitPrice = unitPrice;
        this.currency = currency;
        return changed;
    }

    /**
     * Cancels units that are left to ship; never more than are left.
     *
     * @return the units cancelled
     */
    public int cancel(int units) {
        int cancelling = Math.max(0, Math.min(units, left()));
        cancelled += cancelling;
        return cancelling;
    }

    /** Ships units that are left to ship; the caller checked there are that many. */
    public void ship(int units) {
        if (units > left()) {
            throw new IllegalArgumentException("Only " + left() + " units of item " + itemId + " are left to ship.");
        }
        shipped += units;
    }

    /** Units that came back; the caller checked that many are shipped and not yet returned. */
    public void takeBack(int units) {
        if (units > shipped - returned) {
            throw new IllegalArgumentException(
                    "Only " + (shipped - returned) + " units of item " + itemId + " can come back.");
        }
        returned += units;
    }

    /**
     * The platform no longer lists the item: what is left to ship is cancelled.
     *
     * @return whether anything changed
     */
    public boolean withdraw() {
        return cancel(left()) > 0;
    }

    public String orderId() {
        return orderId;
    }

    public int position() {
        return position;
    }

    public String itemId() {
        return itemId;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public String warehouse() {
        return warehouse;
    }

    public int ordered() {
        return ordered;
    }

    public int deliverable() {
        return deliverable;
    }

    public int shipped() {
        return shipped;
    }

    public int cancelled() {
        return cancelled;
    }

    public int returned() {
        return returned;
    }

    public int left() {
        return ordered - shipped - cancelled;
    }

    public Long unitPrice() {
        return unitPrice;
    }

    public String currency() {
        return currency;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String orderId;
        int position;

        public Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && orderId.equals(key.orderId) && position == key.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, position);
        }
    }
}
