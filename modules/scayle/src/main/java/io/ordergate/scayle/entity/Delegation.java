package io.ordergate.scayle.entity;

import io.ordergate.scayle.boundary.Address;
import io.ordergate.scayle.boundary.DelegationDetail;
import io.ordergate.scayle.boundary.DelegationRequest;
import io.ordergate.scayle.boundary.DelegationStatus;
import io.ordergate.scayle.boundary.DelegationSummary;
import jakarta.json.JsonValue;
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
import java.util.List;

/** A delegated order of one merchant, identified by (merchantKey, referenceKey). */
@Entity
@Table(name = "scayle_delegation")
@NamedQuery(
        name = Delegation.BY_IDENTITY,
        query = "SELECT d FROM Delegation d WHERE d.merchantKey = :merchantKey AND d.referenceKey = :referenceKey")
@NamedQuery(
        name = Delegation.FOR_CANCELLATION,
        query = "SELECT d FROM Delegation d WHERE d.merchantKey = :merchantKey AND "
                + "(d.referenceKey = :key OR d.orderReferenceKey = :key) ORDER BY d.id")
public class Delegation implements Delivered {

    public static final String BY_IDENTITY = "Delegation.byIdentity";
    public static final String FOR_CANCELLATION = "Delegation.forCancellation";

    @Id
    @SequenceGenerator(name = "scayle_seq", sequenceName = "scayle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scayle_seq")
    @Column(name = "delegation_id")
    Long id;

    @Column(name = "merchant_key", nullable = false)
    String merchantKey;

    @Column(name = "reference_key", nullable = false)
    String referenceKey;

    @Column(name = "order_reference_key")
    String orderReferenceKey;

    @Column(name = "scayle_order_id")
    Long scayleOrderId;

    @Column(name = "scayle_id")
    Long scayleId;

    @Column(name = "company_id")
    Long companyId;

    @Column(name = "shop_id")
    Long shopId;

    @Column(name = "shop_key")
    String shopKey;

    @Column(name = "country_code")
    String countryCode;

    @Column(name = "language_code")
    String languageCode;

    @Column(name = "payment_method")
    String paymentMethod;

    @Column(name = "carrier_key")
    String carrierKey;

    @Column(name = "customer_reference_key")
    String customerReferenceKey;

    @Column(name = "customer_email")
    String customerEmail;

    @Column(name = "total_with_tax")
    Long totalWithTax;

    @Column(name = "currency_code")
    String currencyCode;

    @Column(name = "item_count", nullable = false)
    int itemCount;

    @Column(name = "status", nullable = false)
    @Convert(converter = DelegationStatusConverter.class)
    DelegationStatus status;

    @Column(name = "conflict", nullable = false)
    boolean conflict;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    @Column(name = "cancelled_at")
    Instant cancelledAt;

    protected Delegation() {}

    /** The order as SCAYLE delegated it, acknowledged at {@code receivedAt}. */
    public Delegation(DelegationRequest order, Instant receivedAt) {
        this.merchantKey = order.fulfillingMerchantKey();
        this.referenceKey = order.referenceKey();
        this.orderReferenceKey = order.orderReferenceKey();
        this.scayleOrderId = order.orderId();
        this.scayleId = order.scayleId();
        this.companyId = order.companyId();
        this.shopId = order.shopId();
        this.shopKey = order.shopKey();
        this.countryCode = order.countryCode();
        this.languageCode = order.languageCode();
        this.paymentMethod = order.paymentMethod();
        this.carrierKey = order.carrierKey();
        this.customerReferenceKey = order.customerReferenceKey();
        this.customerEmail = order.customerEmail();
        this.totalWithTax = order.totalWithTax();
        this.currencyCode = order.currencyCode();
        this.itemCount = order.items().size();
        this.status = DelegationStatus.ACKNOWLEDGED;
        this.receivedAt = receivedAt;
    }

    public Long id() {
        return id;
    }

    public String referenceKey() {
        return referenceKey;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The first cancellation counts; later ones for the same order change nothing. */
    public void cancel(Instant at) {
        if (cancelledAt == null) {
            status = DelegationStatus.CANCELLED;
            cancelledAt = at;
        }
    }

    @Override
    public void flagConflict() {
        conflict = true;
    }

    public DelegationSummary summary() {
        return new DelegationSummary(
                merchantKey,
                referenceKey,
                orderReferenceKey,
                scayleOrderId,
                status,
                conflict,
                itemCount,
                customerEmail,
                receivedAt,
                cancelledAt);
    }

    /** The stored order with what was stored around it. */
    public DelegationDetail detail(
            List<DelegationDetail.Item> items,
            Address billing,
            Address shipping,
            JsonValue acknowledgement,
            List<DelegationDetail.Attempt> attempts,
            List<DelegationDetail.CancellationView> cancellations) {
        return new DelegationDetail(
                merchantKey,
                referenceKey,
                orderReferenceKey,
                scayleOrderId,
                scayleId,
                companyId,
                shopId,
                shopKey,
                countryCode,
                languageCode,
                paymentMethod,
                carrierKey,
                new DelegationDetail.Customer(customerReferenceKey, customerEmail),
                totalWithTax,
                currencyCode,
                status,
                conflict,
                receivedAt,
                cancelledAt,
                items,
                billing,
                shipping,
                acknowledgement,
                attempts,
                cancellations);
    }
}
