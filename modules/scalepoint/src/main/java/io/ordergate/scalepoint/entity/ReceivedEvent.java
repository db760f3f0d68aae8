package io.ordergate.scalepoint.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event Scalepoint sent, by webhook or long poll, stored once per identity ({@code dedupe_key}).
 * Rows are written by {@code control.EventIntake} ({@code INSERT ... ON CONFLICT DO NOTHING}: a
 * redelivery stores nothing) and never change; this maps them for reading.
 */
@Entity
@Table(name = "sp_event")
@NamedQuery(name = ReceivedEvent.BY_DEDUPE_KEY, query = "SELECT e FROM ReceivedEvent e WHERE e.dedupeKey = :key")
@NamedQuery(
        name = ReceivedEvent.COUNT_SINCE,
        query = "SELECT COUNT(e) FROM ReceivedEvent e WHERE e.receivedAt >= :since")
public class ReceivedEvent {

    public static final String BY_DEDUPE_KEY = "ReceivedEvent.byDedupeKey";
    public static final String COUNT_SINCE = "ReceivedEvent.countSince";

    @Id
    @Column(name = "event_id")
    long eventId;

    @Column(name = "dedupe_key", nullable = false)
    String dedupeKey;

    @Column(name = "event_type", nullable = false)
    String eventType;

    @Column(name = "payload_version")
    String payloadVersion;

    @Column(name = "supported", nullable = false)
    boolean supported;

    @Column(name = "correlation_id")
    String correlationId;

    @Column(name = "event_time")
    Instant eventTime;

    @Column(name = "event_time_raw")
    String eventTimeRaw;

    @Column(name = "order_token")
    String orderToken;

    @Column(name = "case_number")
    String caseNumber;

    @Column(name = "source", nullable = false)
    String source;

    @Column(name = "client_id")
    String clientId;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    // Up to the webhook's body limit each: lists never need it.
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "raw_body", nullable = false)
    byte[] rawBody;

    protected ReceivedEvent() {}

    public long eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String payloadVersion() {
        return payloadVersion;
    }

    public boolean supported() {
        return supported;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant eventTime() {
        return eventTime;
    }

    public String orderToken() {
        return orderToken;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String source() {
        return source;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
