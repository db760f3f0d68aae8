package io.ordergate.credentials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The lifecycle that every secret OrderGate generates for a caller shares (a SCAYLE merchant's
 * Basic credential, a webhook client's secret): kept only as a keyed hash, valid from issue until
 * a rotation's grace period ends or it is revoked, whichever comes first. Revocation is final and
 * keeps who revoked it.
 */
@MappedSuperclass
public abstract class IssuedSecret {

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

    protected IssuedSecret() {}

    protected IssuedSecret(byte[] secretHmac, Instant createdAt, String createdBy) {
        this.secretHmac = secretHmac.clone();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Starts the grace period of a rotation: the secret keeps working until {@code until}. */
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
