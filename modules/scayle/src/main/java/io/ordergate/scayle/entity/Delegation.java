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

/** A delegated order of one merchant, identified by (merchantKey, referenceKey). */
@Entity
@Table(name = "scayle_delegation")
@NamedQuery(name = Delegation.BY_IDENTITY,
        query = "SELECT d FROM Delegation d WHERE d.merchantKey = :merchantKey AND d.referenceKey = :referenceKey")
@NamedQuery(name = Delegation.ID_BY_IDENTITY,
        query = "SELECT d.id FROM Delegation d WHERE d.merchantKey = :merchantKey AND d.referenceKey = :referenceKey")
@NamedQuery(name = Delegation.FOR_CANCELLATION,
        query = "SELECT d FROM Delegation d WHERE d.merchantKey = :merchantKey AND "
                + "(d.referenceKey = :key OR d.orderReferenceKey = :key) ORDER BY d.id")
@NamedQuery(name = Delegation.FLAG_CONFLICT,
        query = "UPDATE Delegation d SET d.conflict = TRUE WHERE d.id = :id AND d.conflict = FALSE")
public class Delegation {

    public static final String BY_IDENTITY = "Delegation.byIdentity";
    public static final String ID_BY_IDENTITY = "Delegation.idByIdentity";
    public static final String FOR_CANCELLATION = "Delegation.forCancellation";
    public static final String FLAG_CONFLICT = "Delegation.flagConflict";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String CANCELLED = "cancelled";

    @Id
    @SequenceGenerator(name = "scayle_seq", sequenceName = "scayle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scayle_seq")
    @Column(name = "delegation_id")
    public Long id;

    @Column(name = "merchant_key", nullable = false)
    public String merchantKey;

    @Column(name = "reference_key", nullable = false)
    public String referenceKey;

    @Column(name = "order_reference_key")
    public String orderReferenceKey;

    @Column(name = "scayle_order_id")
    public Long scayleOrderId;

    @Column(name = "scayle_id")
    public Long scayleId;

    @Column(name = "company_id")
    public Long companyId;

    @Column(name = "shop_id")
    public Long shopId;

    @Column(name = "shop_key")
    public String shopKey;

    @Column(name = "country_code")
    public String countryCode;

    @Column(name = "language_code")
    public String languageCode;

    @Column(name = "payment_method")
    public String paymentMethod;

    @Column(name = "carrier_key")
    public String carrierKey;

    @Column(name = "customer_reference_key")
    public String customerReferenceKey;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "total_with_tax")
    public Long totalWithTax;

    @Column(name = "currency_code")
    public String currencyCode;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    @Column(name = "status", nullable = false)
    String status = ACKNOWLEDGED;

    @Column(name = "conflict", nullable = false)
    boolean conflict;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "cancelled_at")
    Instant cancelledAt;

    public void cancel(Instant at) {
        if (cancelledAt == null) {
            status = CANCELLED;
            cancelledAt = at;
        }
    }

    public String status() {
        return status;
    }

    public boolean conflict() {
        return conflict;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}
