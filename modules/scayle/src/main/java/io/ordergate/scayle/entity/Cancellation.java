package io.ordergate.scayle.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A cancellation SCAYLE sent, linked to its delegation or flagged as for an unknown order. */
@Entity
@Table(name = "scayle_cancellation")
@NamedQuery(name = Cancellation.ID_BY_IDENTITY,
        query = "SELECT c.id FROM Cancellation c WHERE c.merchantKey = :merchantKey "
                + "AND c.orderReferenceKey = :orderReferenceKey AND c.warehouseIds = :warehouseIds")
@NamedQuery(name = Cancellation.OF_DELEGATION,
        query = "SELECT c FROM Cancellation c WHERE c.delegationId = :id ORDER BY c.receivedAt")
@NamedQuery(name = Cancellation.FLAG_CONFLICT,
        query = "UPDATE Cancellation c SET c.conflict = TRUE WHERE c.id = :id AND c.conflict = FALSE")
public class Cancellation {

    public static final String ID_BY_IDENTITY = "Cancellation.idByIdentity";
    public static final String OF_DELEGATION = "Cancellation.ofDelegation";
    public static final String FLAG_CONFLICT = "Cancellation.flagConflict";

    @Id
    @SequenceGenerator(name = "scayle_seq", sequenceName = "scayle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scayle_seq")
    @Column(name = "cancellation_id")
    public Long id;

    @Column(name = "merchant_key", nullable = false)
    public String merchantKey;

    @Column(name = "order_reference_key", nullable = false)
    public String orderReferenceKey;

    @Column(name = "warehouse_ids", nullable = false)
    public String warehouseIds;

    @Column(name = "company_id")
    public Long companyId;

    @Column(name = "delegation_id")
    public Long delegationId;

    @Column(name = "unknown_order", nullable = false)
    public boolean unknownOrder;

    @Column(name = "conflict", nullable = false)
    public boolean conflict;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
