package io.ordergate.scayle.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One delivery of a delegation or cancellation that passed authentication and validation. */
@Entity
@Table(name = "scayle_delivery_attempt")
@NamedQuery(name = DeliveryAttempt.OF_DELEGATION,
        query = "SELECT a FROM DeliveryAttempt a WHERE a.delegationId = :id ORDER BY a.receivedAt, a.id")
public class DeliveryAttempt {

    public static final String OF_DELEGATION = "DeliveryAttempt.ofDelegation";

    @Id
    @SequenceGenerator(name = "scayle_seq", sequenceName = "scayle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scayle_seq")
    @Column(name = "attempt_id")
    public Long id;

    @Column(name = "kind", nullable = false)
    public String kind;

    @Column(name = "merchant_key", nullable = false)
    public String merchantKey;

    @Column(name = "reference_key", nullable = false)
    public String referenceKey;

    @Column(name = "delegation_id")
    public Long delegationId;

    @Column(name = "cancellation_id")
    public Long cancellationId;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "payload_sha256", nullable = false)
    public String payloadSha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "raw_body", nullable = false)
    public byte[] rawBody;

    @Column(name = "headers", nullable = false, columnDefinition = "jsonb")
    public String headers;

    @Column(name = "credential", nullable = false)
    public String credential;

    @Column(name = "outcome", nullable = false)
    public String outcome;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;
}
