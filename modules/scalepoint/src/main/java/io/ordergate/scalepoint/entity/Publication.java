package io.ordergate.scalepoint.entity;

import io.ordergate.scalepoint.boundary.PublicationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event we publish to Scalepoint: the outbox row. The body is built once, so every try sends
 * the same envelope; the status follows the job that sends it.
 */
@Entity
@Table(name = "sp_publication")
@NamedQuery(
        name = Publication.OF_ORDER,
        query = "SELECT p FROM Publication p WHERE p.orderToken = :orderToken ORDER BY p.id DESC")
public class Publication {

    /** An order's publications, newest first. */
    public static final String OF_ORDER = "Publication.ofOrder";

    @Id
    // the BIGSERIAL's own sequence, one id at a time, as the column default would take it
    @SequenceGenerator(
            name = "sp_publication_seq",
            sequenceName = "sp_publication_publication_id_seq",
            allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sp_publication_seq")
    @Column(name = "publication_id")
    Long id;

    @Column(name = "order_token")
    String orderToken;

    @Column(name = "event_type", nullable = false)
    String eventType;

    @Column(name = "correlation_id", nullable = false)
    String correlationId;

    @Column(name = "body", nullable = false)
    String body;

    @Column(name = "job_id")
    Long jobId;

    @Convert(converter = PublicationStatusColumn.class)
    @Column(name = "status", nullable = false)
    PublicationStatus status;

    @Column(name = "http_status")
    Integer httpStatus;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "sent_at")
    Instant sentAt;

    /** {@code ful_outbound:{id}} (a report of the warehouse), {@code stock:{sku}}, or null (published by a person). */
    @Column(name = "cause")
    String cause;

    @Column(name = "attempts", nullable = false)
    int attempts;

    protected Publication() {}

    public Publication(
            String orderToken,
            String eventType,
            String correlationId,
            String body,
            Instant now,
            String createdBy,
            String cause) {
        this.cause = cause;
        this.orderToken = orderToken;
        this.eventType = eventType;
        this.correlationId = correlationId;
        this.body = body;
        this.status = PublicationStatus.PENDING;
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    /** The job that sends it. */
    public void queuedAs(long sendJob) {
        jobId = sendJob;
    }

    /** What the last try came to; {@code sent} notes when Scalepoint accepted it. */
    public void tried(PublicationStatus next, int attempt, Integer answeredStatus, String error, Instant now) {
        status = next;
        attempts = Math.max(attempts, attempt);
        httpStatus = answeredStatus;
        lastError = error;
        if (next == PublicationStatus.SENT) {
            sentAt = now;
        }
    }

    public long id() {
        return id;
    }

    public String orderToken() {
        return orderToken;
    }

    public String eventType() {
        return eventType;
    }

    public String correlationId() {
        return correlationId;
    }

    public String body() {
        return body;
    }

    public Long jobId() {
        return jobId;
    }

    public PublicationStatus status() {
        return status;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String cause() {
        return cause;
    }

    public int attempts() {
        return attempts;
    }
}
