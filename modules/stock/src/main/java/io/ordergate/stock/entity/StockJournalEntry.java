package io.ordergate.stock.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a stock level, as the journal keeps it: never changed, never deleted. */
@Entity
@Table(name = "stock_journal")
public class StockJournalEntry {

    @Id
    @Column(name = "journal_id")
    long id;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "sku", nullable = false)
    String sku;

    @Column(name = "warehouse", nullable = false)
    String warehouse;

    @Column(name = "cause", nullable = false)
    String cause;

    @Column(name = "actor_type", nullable = false)
    String actorType;

    @Column(name = "actor", nullable = false)
    String actor;

    @Column(name = "reference")
    String reference;

    @Column(name = "on_hand_before")
    Integer onHandBefore;

    @Column(name = "on_hand_after", nullable = false)
    int onHandAfter;

    @Column(name = "reserved_before")
    Integer reservedBefore;

    @Column(name = "reserved_after", nullable = false)
    int reservedAfter;

    protected StockJournalEntry() {}

    public long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String sku() {
        return sku;
    }

    /** null for a level of the SKU as a whole */
    public String warehouse() {
        return warehouse.isEmpty() ? null : warehouse;
    }

    public String cause() {
        return cause;
    }

    public String actorType() {
        return actorType;
    }

    public String actor() {
        return actor;
    }

    public String reference() {
        return reference;
    }

    /** null when the change created the level */
    public Integer onHandBefore() {
        return onHandBefore;
    }

    public int onHandAfter() {
        return onHandAfter;
    }

    public Integer reservedBefore() {
        return reservedBefore;
    }

    public int reservedAfter() {
        return reservedAfter;
    }
}
