package io.ordergate.fulfilment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Staff marked an order's attention flag as handled; one row per handling, never changed. */
@Entity
@Table(name = "ful_attention_handled")
@NamedQuery(
        name = HandledAttention.OF_ORDER,
        query = "SELECT h FROM HandledAttention h WHERE h.orderId = :orderId ORDER BY h.id")
public class HandledAttention {

    public static final String OF_ORDER = "HandledAttention.ofOrder";

    @Id
    // the BIGSERIAL's own sequence, one id at a time, as the column default would take it
    @SequenceGenerator(
            name = "ful_attention_handled_seq",
            sequenceName = "ful_attention_handled_handled_id_seq",
            allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ful_attention_handled_seq")
    @Column(name = "handled_id")
    Long id;

    @Column(name = "order_id", nullable = false)
    String orderId;

    @Column(name = "attention", nullable = false)
    String attention;

    @Column(name = "note", nullable = false)
    String note;

    @Column(name = "handled_by", nullable = false)
    String handledBy;

    @Column(name = "handled_at", nullable = false)
    Instant handledAt;

    protected HandledAttention() {}

    public HandledAttention(String orderId, String attention, String note, String handledBy, Instant handledAt) {
        this.orderId = orderId;
        this.attention = attention;
        this.note = note;
        this.handledBy = handledBy;
        this.handledAt = handledAt.truncatedTo(ChronoUnit.MICROS);
    }

    public String orderId() {
        return orderId;
    }

    public String attention() {
        return attention;
    }

    public String note() {
        return note;
    }

    public String handledBy() {
        return handledBy;
    }

    public Instant handledAt() {
        return handledAt;
    }
}
