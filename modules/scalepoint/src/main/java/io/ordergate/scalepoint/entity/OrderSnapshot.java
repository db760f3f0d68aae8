package io.ordergate.scalepoint.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of an order's Order Data, the body exactly as received. A fetch that returns the
 * same content (same SHA-256) only notes when it was seen again.
 */
@Entity
@Table(name = "sp_snapshot")
@IdClass(OrderSnapshot.Key.class)
@NamedQuery(
        name = OrderSnapshot.OF_ORDER,
        query = "SELECT s FROM OrderSnapshot s WHERE s.orderToken = :orderToken ORDER BY s.version")
@NamedQuery(
        name = OrderSnapshot.NEWEST_FIRST,
        query = "SELECT s FROM OrderSnapshot s WHERE s.orderToken = :orderToken ORDER BY s.version DESC")
public class OrderSnapshot {

    /** Every version of an order, oldest first. */
    public static final String OF_ORDER = "OrderSnapshot.ofOrder";
    /** Every version of an order, newest first. */
    public static final String NEWEST_FIRST = "OrderSnapshot.newestFirst";

    @Id
    @Column(name = "order_token")
    String orderToken;

    @Id
    @Column(name = "version")
    int version;

    @Column(name = "sha256", nullable = false)
    String sha256;

    @Column(name = "body", nullable = false)
    String body;

    @Column(name = "fetched_at", nullable = false)
    Instant fetchedAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    protected OrderSnapshot() {}

    public OrderSnapshot(String orderToken, int version, String sha256, String body, Instant now) {
        this.orderToken = orderToken;
        this.version = version;
        this.sha256 = sha256;
        this.body = body;
        this.fetchedAt = now;
        this.lastSeenAt = now;
    }

    /** A fetch returned this content again. */
    public void seenAgain(Instant now) {
        lastSeenAt = now;
    }

    public boolean holds(String contentSha256) {
        return sha256.equals(contentSha256);
    }

    public String orderToken() {
        return orderToken;
    }

    public int version() {
        return version;
    }

    public String sha256() {
        return sha256;
    }

    public String body() {
        return body;
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    /** The primary key: order and version. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String orderToken;
        int version;

        public Key() {}

        public Key(String orderToken, int version) {
            this.orderToken = orderToken;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && Objects.equals(orderToken, key.orderToken);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderToken, version);
        }
    }
}
