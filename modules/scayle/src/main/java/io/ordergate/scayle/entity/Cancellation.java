package io.ordergate.scayle.entity;

import io.ordergate.scayle.boundary.CancellationRequest;
import io.ordergate.scayle.boundary.CancellationSummary;
import io.ordergate.scayle.boundary.DelegationDetail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A cancellation SCAYLE sent, linked to its delegation or flagged as for an unknown order. */
@Entity
@Table(name = "scayle_cancellation")
@NamedQuery(
        name = Cancellation.BY_IDENTITY,
        query = "SELECT c FROM Cancellation c WHERE c.merchantKey = :merchantKey "
                + "AND c.orderReferenceKey = :orderReferenceKey AND c.warehouseIds = :warehouseIds")
@NamedQuery(
        name = Cancellation.WAITING,
        query = "SELECT c FROM Cancellation c WHERE c.merchantKey = :merchantKey AND c.delegationId IS NULL "
                + "AND c.orderReferenceKey IN :keys ORDER BY c.receivedAt")
@NamedQuery(
        name = Cancellation.OF_DELEGATION,
        query = "SELECT c FROM Cancellation c WHERE c.delegationId = :id ORDER BY c.receivedAt")
public class Cancellation implements Delivered {

    public static final String BY_IDENTITY = "Cancellation.byIdentity";
    public static final String OF_DELEGATION = "Cancellation.ofDelegation";
    public static final String WAITING = "Cancellation.waiting";

    @Id
    @SequenceGenerator(name = "scayle_seq", sequenceName = "scayle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scayle_seq")
    @Column(name = "cancellation_id")
    Long id;

    @Column(name = "merchant_key", nullable = false)
    String merchantKey;

    @Column(name = "order_reference_key", nullable = false)
    String orderReferenceKey;

    @Column(name = "warehouse_ids", nullable = false)
    String warehouseIds;

    @Column(name = "company_id")
    Long companyId;

    @Column(name = "delegation_id")
    Long delegationId;

    @Column(name = "unknown_order", nullable = false)
    boolean unknownOrder;

    @Column(name = "conflict", nullable = false)
    boolean conflict;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    protected Cancellation() {}

    /** @param delegationId the order it cancels; null when we never received that order */
    public Cancellation(CancellationRequest request, Instant receivedAt, Long delegationId) {
        this.merchantKey = request.merchantKey();
        this.orderReferenceKey = request.orderReferenceKey();
        this.warehouseIds = request.warehouseIdsJson();
        this.companyId = request.companyId();
        this.delegationId = delegationId;
        this.unknownOrder = delegationId == null;
        this.receivedAt = receivedAt;
    }

    public Long id() {
        return id;
    }

    public Long delegationId() {
        return delegationId;
    }

    public boolean unknownOrder() {
        return unknownOrder;
    }

    /** The order it names has arrived after it: from now on it is that order's cancellation. */
    public void link(long delegationId) {
        this.delegationId = delegationId;
        this.unknownOrder = false;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The warehouse ids it names (stored as a canonical JSON array of numbers). */
    public List<Long> warehouseIds() {
        var inner = warehouseIds.substring(1, warehouseIds.length() - 1).strip();
        return inner.isEmpty()
                ? List.of()
                : Arrays.stream(inner.split(","))
                        .map(String::strip)
                        .map(Long::valueOf)
                        .toList();
    }

    @Override
    public void flagConflict() {
        conflict = true;
    }

    public DelegationDetail.CancellationView view() {
        return new DelegationDetail.CancellationView(orderReferenceKey, warehouseIds, receivedAt, conflict);
    }

    /** @param delegationReferenceKey the reference of the order it cancelled, null for an unknown order */
    public CancellationSummary summary(String delegationReferenceKey) {
        return new CancellationSummary(
                merchantKey,
                orderReferenceKey,
                warehouseIds,
                companyId,
                unknownOrder,
                conflict,
                delegationReferenceKey,
                receivedAt);
    }
}
