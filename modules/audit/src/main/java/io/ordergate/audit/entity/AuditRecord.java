package io.ordergate.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audit record. Insert-only: there are no setters, and nothing in the application updates it. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @Column(name = "audit_id")
    Long id;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "actor_type", nullable = false)
    String actorType;

    @Column(name = "actor", nullable = false)
    String actor;

    @Column(name = "action", nullable = false)
    String action;

    @Column(name = "outcome", nullable = false)
    String outcome;

    @Column(name = "subject_type")
    String subjectType;

    @Column(name = "subject_key")
    String subjectKey;

    @Column(name = "source")
    String source;

    @Column(name = "request_id")
    String requestId;

    @Column(name = "payload_ref")
    String payloadRef;

    /** JSON object text (the driver sends strings untyped, so PostgreSQL casts it to jsonb). */
    @Column(name = "detail", columnDefinition = "jsonb")
    String detail;

    protected AuditRecord() {}

    public AuditRecord(
            Instant occurredAt,
            String actorType,
            String actor,
            String action,
            String outcome,
            String subjectType,
            String subjectKey,
            String source,
            String requestId,
            String payloadRef,
            String detailJson) {
        this.occurredAt = occurredAt;
        this.actorType = actorType;
        this.actor = actor;
        this.action = action;
        this.outcome = outcome;
        this.subjectType = subjectType;
        this.subjectKey = subjectKey;
        this.source = source;
        this.requestId = requestId;
        this.payloadRef = payloadRef;
        this.detail = detailJson;
    }

    public Long id() {
        return id;
    }
}
