package io.ordergate.scalepoint.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One fetch of an order's Order Data, successful or not; written once, never changed. Outcome
 * {@code new-version}, {@code unchanged} or {@code failed}.
 */
@Entity
@Table(name = "sp_fetch")
@NamedQuery(
        name = OrderFetch.OF_ORDER,
        query = "SELECT f FROM OrderFetch f WHERE f.orderToken = :orderToken ORDER BY f.fetchId DESC")
public class OrderFetch {

    /** An order's fetches, newest first. */
    public static final String OF_ORDER = "OrderFetch.ofOrder";

    public static final String NEW_VERSION = "new-version";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    @Id
    // the BIGSERIAL's own sequence, one id at a time, as the column default would take it
    @SequenceGenerator(name = "sp_fetch_seq", sequenceName = "sp_fetch_fetch_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sp_fetch_seq")
    @Column(name = "fetch_id")
    Long fetchId;

    @Column(name = "order_token", nullable = false)
    String orderToken;

    @Column(name = "job_id")
    Long jobId;

    @Column(name = "attempt")
    Integer attempt;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    Instant finishedAt;

    @Column(name = "outcome", nullable = false)
    String outcome;

    @Column(name = "http_status")
    Integer httpStatus;

    @Column(name = "error")
    String error;

    @Column(name = "snapshot_version")
    Integer snapshotVersion;

    protected OrderFetch() {}

    public OrderFetch(
            String orderToken,
            Long jobId,
            Integer attempt,
            Instant startedAt,
            Instant finishedAt,
            String outcome,
            Integer httpStatus,
            String error,
            Integer snapshotVersion) {
        this.orderToken = orderToken;
        this.jobId = jobId;
        this.attempt = attempt;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.error = error;
        this.snapshotVersion = snapshotVersion;
    }

    public long fetchId() {
        return fetchId;
    }

    public String orderToken() {
        return orderToken;
    }

    public Long jobId() {
        return jobId;
    }

    public Integer attempt() {
        return attempt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String outcome() {
        return outcome;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public Integer snapshotVersion() {
        return snapshotVersion;
    }
}
