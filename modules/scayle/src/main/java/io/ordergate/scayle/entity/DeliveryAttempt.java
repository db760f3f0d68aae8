package io.ordergate.scayle.entity;

import io.ordergate.platform.boundary.Hashes;
import io.ordergate.scayle.boundary.DelegationDetail;
import io.ordergate.scayle.boundary.DeliveryOutcome;
import io.ordergate.scayle.boundary.Inbound;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
@NamedQuery(
        name = DeliveryAttempt.OF_DELEGATION,
        query = "SELECT a FROM DeliveryAttempt a WHERE a.delegationId = :id ORDER BY a.receivedAt, a.id")
public class DeliveryAttempt {

    public static final String OF_DELEGATION = "DeliveryAttempt.ofDelegation";

    @Id
    @SequenceGenerator(name = "scayle_seq", sequenceName = "scayle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scayle_seq")
    @Column(name = "attempt_id")
    Long id;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "merchant_key", nullable = false)
    String merchantKey;

    @Column(name = "reference_key", nullable = false)
    String referenceKey;

    @Column(name = "delegation_id")
    Long delegationId;

    @Column(name = "cancellation_id")
    Long cancellationId;

    @Column(name = "request_id")
    String requestId;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    @Column(name = "payload_sha256", nullable = false)
    String payloadSha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "raw_body", nullable = false)
    byte[] rawBody;

    @Column(name = "headers", nullable = false, columnDefinition = "jsonb")
    String headers;

    @Column(name = "credential", nullable = false)
    String credential;

    @Column(name = "outcome", nullable = false)
    @Convert(converter = DeliveryOutcomeConverter.class)
    DeliveryOutcome outcome;

    @Column(name = "response_status", nullable = false)
    int responseStatus;

    protected DeliveryAttempt() {}

    /**
     * One delivery as it arrived and what it was.
     *
     * @param kind {@code delegation} or {@code cancellation}
     * @param referenceKey the order the body names
     * @param delegationId the order it concerns; null for a cancellation of an order we never received
     * @param cancellationId the cancellation it delivered; null for a delegation
     */
    public DeliveryAttempt(
            String kind,
            Inbound inbound,
            String referenceKey,
            Long delegationId,
            Long cancellationId,
            DeliveryOutcome outcome,
            int responseStatus) {
        this.kind = kind;
        this.merchantKey = inbound.caller().merchantKey();
        this.referenceKey = referenceKey;
        this.delegationId = delegationId;
        this.cancellationId = cancellationId;
        this.requestId = inbound.requestId();
        this.receivedAt = inbound.receivedAt();
        this.payloadSha256 = Hashes.sha256Hex(inbound.body());
        this.rawBody = inbound.body();
        this.headers = inbound.headersJson();
        this.credential = inbound.caller().username();
        this.outcome = outcome;
        this.responseStatus = responseStatus;
    }

    public Long id() {
        return id;
    }

    public String payloadSha256() {
        return payloadSha256;
    }

    public DelegationDetail.Attempt attempt() {
        return new DelegationDetail.Attempt(id, kind, requestId, receivedAt, payloadSha256, outcome, responseStatus);
    }
}
