package io.ordergate.credentials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One generated Basic Auth credential of a SCAYLE merchant; the secret is kept only as a keyed hash. */
@Entity
@Table(name = "cred_scayle_credential")
@NamedQuery(name = ScayleCredential.BY_MERCHANT,
        query = "SELECT c FROM ScayleCredential c WHERE c.merchantKey = :merchantKey ORDER BY c.createdAt")
public class ScayleCredential {

    public static final String BY_MERCHANT = "ScayleCredential.byMerchant";

    @Id
    @Column(name = "username")
    String username;

    @Column(name = "merchant_key", nullable = false)
    String merchantKey;

    @Column(name = "secret_hmac", nullable = false)
    byte[] secretHmac;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "revoked_by")
    String revokedBy;

    protected ScayleCredential() {
    }

    public ScayleCredential(String username, String merchantKey, byte[] secretHmac, Instant createdAt,
            String createdBy) {
        this.username = username;
        this.merchantKey = merchantKey;
        this.secretHmac = secretHmac.clone();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Starts the grace period of a rotation: the credential keeps working until {@code until}. */
    public void expireAt(Instant until) {
        if (expiresAt == null || expiresAt.isAfter(until)) {
            expiresAt = until;
        }
    }

    public void revoke(Instant at, String by) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    public String username() {
        return username;
    }

    public String merchantKey() {
        return merchantKey;
    }

    public byte[] secretHmac() {
        return secretHmac.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
