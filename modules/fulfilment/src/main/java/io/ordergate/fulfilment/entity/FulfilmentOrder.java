package io.ordergate.fulfilment.entity;

import io.ordergate.fulfilment.boundary.OrderState;
import io.ordergate.platform.boundary.LowerCaseEnum;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An order of either platform as the warehouse sees it (fulfilment spec §2). {@code version} grows by
 * one with every change that reaches the feed; the address and customer are kept as the JSON objects
 * the order document carries.
 */
@Entity
@Table(name = "ful_order")
public class FulfilmentOrder {

    @Id
    @Column(name = "order_id")
    String orderId;

    @Column(name = "source", nullable = false)
    String source;

    @Column(name = "merchant_key")
    String merchantKey;

    @Column(name = "reference", nullable = false)
    String reference;

    @Column(name = "platform_order_id")
    String platformOrderId;

    /** The state's lower-case name, as the schema's CHECK constraint names it. */
    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    @Column(name = "version", nullable = false)
    int version;

    @Column(name = "carrier")
    String carrier;

    @Column(name = "ship_to")
    String shipTo;

    @Column(name = "customer")
    String customer;

    @Column(name = "attention")
    String attention;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected FulfilmentOrder() {}

    /** A new order at version 1, its state from its items. */
    public FulfilmentOrder(
            String orderId,
            String source,
            String merchantKey,
            String reference,
            String platformOrderId,
            Instant receivedAt,
            String carrier,
            String shipTo,
            String customer,
            List<FulfilmentItem> items) {
        this.orderId = orderId;
        this.source = source;
        this.merchantKey = merchantKey;
        this.reference = reference;
        this.platformOrderId = platformOrderId;
        // as PostgreSQL keeps it, so that the document in the feed and the one read later agree
        this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        this.carrier = carrier;
        this.shipTo = shipTo;
        this.customer = customer;
        this.version = 1;
        this.updatedAt = this.receivedAt;
        this.status = LowerCaseEnum.wire(stateOf(items));
    }

    /**
     * A change that reaches the feed: the next version, the state from the items as they are now.
     *
     * @param shipTo JSON object, or null
     * @param customer JSON object, or null
     */
    public void changed(String shipTo, String customer, List<FulfilmentItem> items, Instant now) {
        this.shipTo = shipTo;
        this.customer = customer;
        this.status = LowerCaseEnum.wire(stateOf(items));
        this.version++;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Asks staff to look at the order, saying why (a later reason is added to an earlier one). */
    public void flag(String reason) {
        this.attention = attention == null ? reason : attention + " " + reason;
    }

    /**
     * Staff handled what the flag asked for: it is cleared (a later flag opens it again).
     *
     * @return the text that was cleared, or null when the order was not flagged
     */
    public String clearAttention() {
        var cleared = attention;
        attention = null;
        return cleared;
    }

    /** Why staff should look at the order; null when nothing needs them. */
    public String attention() {
        return attention;
    }

    static OrderState stateOf(List<FulfilmentItem> items) {
        long left = items.stream().mapToLong(FulfilmentItem::left).sum();
        long shipped = items.stream().mapToLong(FulfilmentItem::shipped).sum();
        return OrderState.of(left, shipped);
    }

    public String orderId() {
        return orderId;
    }

    public String source() {
        return source;
    }

    public String merchantKey() {
        return merchantKey;
    }

    public String reference() {
        return reference;
    }

    public String platformOrderId() {
        return platformOrderId;
    }

    public OrderState status() {
        return LowerCaseEnum.parse(OrderState.class, status);
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public int version() {
        return version;
    }

    public String carrier() {
        return carrier;
    }

    /** JSON object, or null */
    public String shipTo() {
        return shipTo;
    }

    /** JSON object, or null */
    public String customer() {
        return customer;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
