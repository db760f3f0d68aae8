package io.ordergate.scalepoint.entity;

import io.ordergate.scalepoint.boundary.OrderStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Scalepoint order (a claim's order), keyed by its lower-case orderToken. The row is created by
 * the {@code order_created} event ({@code INSERT ... ON CONFLICT DO NOTHING} in
 * {@code control.EventIntake}, so a duplicate event creates nothing); from then on it changes as an
 * object: a queued fetch, the fields recognised in the latest Order Data, a failed fetch.
 */
@Entity
@Table(name = "sp_order")
public class ClaimOrder {

    @Id
    @Column(name = "order_token")
    String orderToken;

    @Convert(converter = OrderStatusColumn.class)
    @Column(name = "status", nullable = false)
    OrderStatus status;

    @Column(name = "case_uuid")
    String caseUuid;

    @Column(name = "case_number")
    String caseNumber;

    @Column(name = "case_token")
    String caseToken;

    @Column(name = "case_type")
    String caseType;

    @Column(name = "external_claim_id")
    String externalClaimId;

    @Column(name = "first_event_id", nullable = false)
    long firstEventId;

    @Column(name = "fetch_job_id")
    Long fetchJobId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "order_number")
    String orderNumber;

    @Column(name = "order_status")
    String orderStatus;

    @Column(name = "currency")
    String currency;

    @Column(name = "total")
    BigDecimal total;

    @Column(name = "line_count")
    Integer lineCount;

    @Column(name = "delivery_name")
    String deliveryName;

    @Column(name = "delivery_city")
    String deliveryCity;

    @Column(name = "delivery_country")
    String deliveryCountry;

    @Column(name = "contact_email")
    String contactEmail;

    @Column(name = "snapshot_version")
    Integer snapshotVersion;

    @Column(name = "fetched_at")
    Instant fetchedAt;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "next_refresh_at")
    Instant nextRefreshAt;

    @Column(name = "refresh_stopped")
    String refreshStopped;

    protected ClaimOrder() {}

    /** What the latest Order Data says, as far as lists show it. */
    public record Recognised(
            String orderNumber,
            String orderStatus,
            String currency,
            BigDecimal total,
            int lineCount,
            String deliveryName,
            String deliveryCity,
            String deliveryCountry,
            String contactEmail) {}

    /** The fetch job that fetches this order next. */
    public void fetchQueued(long jobId) {
        fetchJobId = jobId;
    }

    /** A fetch stored Order Data as {@code version}: the order is fetched, its last error gone. */
    public void fetched(Recognised data, int version, Instant now) {
        status = OrderStatus.FETCHED;
        orderNumber = data.orderNumber();
        orderStatus = data.orderStatus();
        currency = data.currency();
        total = data.total();
        lineCount = data.lineCount();
        deliveryName = data.deliveryName();
        deliveryCity = data.deliveryCity();
        deliveryCountry = data.deliveryCountry();
        contactEmail = data.contactEmail();
        snapshotVersion = version;
        fetchedAt = now;
        lastError = null;
        updatedAt = now;
    }

    /**
     * A fetch failed. An order that has Order Data stays fetched (it keeps what it has); otherwise
     * it is dead when the queue gave up and failed while the fetch backs off.
     */
    public void fetchFailed(boolean gaveUp, String error, Instant now) {
        if (status != OrderStatus.FETCHED) {
            status = gaveUp ? OrderStatus.DEAD : OrderStatus.FAILED;
        }
        lastError = error;
        updatedAt = now;
    }

    /**
     * When the schedule fetches the order again; ignored once the order left the schedule (it
     * stays off it: a closed or finished order does not become open again).
     *
     * @param next null when the schedule is off
     */
    public void refreshAt(Instant next) {
        nextRefreshAt = refreshStopped == null ? next : null;
    }

    /** The order leaves the refresh schedule for good; the first reason given is kept. */
    public void stopRefreshing(String why) {
        if (refreshStopped == null) {
            refreshStopped = why;
        }
        nextRefreshAt = null;
    }

    /** When the schedule fetches the order next; null when it is not on the schedule. */
    public Instant nextRefreshAt() {
        return nextRefreshAt;
    }

    /** Why the schedule no longer fetches the order; null while it is open. */
    public String refreshStopped() {
        return refreshStopped;
    }

    public String orderToken() {
        return orderToken;
    }

    public OrderStatus status() {
        return status;
    }

    public String caseUuid() {
        return caseUuid;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String caseToken() {
        return caseToken;
    }

    public String caseType() {
        return caseType;
    }

    public String externalClaimId() {
        return externalClaimId;
    }

    public Long fetchJobId() {
        return fetchJobId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String orderStatus() {
        return orderStatus;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal total() {
        return total;
    }

    public Integer lineCount() {
        return lineCount;
    }

    public String deliveryName() {
        return deliveryName;
    }

    public String deliveryCity() {
        return deliveryCity;
    }

    public String deliveryCountry() {
        return deliveryCountry;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public Integer snapshotVersion() {
        return snapshotVersion;
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }

    public String lastError() {
        return lastError;
    }
}
