package io.ordergate.credentials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An OAuth2 client (client_credentials) that calls one of our webhooks; its secret only as a keyed hash. */
@Entity
@Table(name = "cred_webhook_client")
@NamedQuery(name = WebhookClient.BY_PLATFORM,
        query = "SELECT c FROM WebhookClient c WHERE c.platform = :platform ORDER BY c.createdAt")
public class WebhookClient {

    public static final String BY_PLATFORM = "WebhookClient.byPlatform";

    @Id
    @Column(name = "client_id")
    String clientId;

    @Column(name = "platform", nullable = false)
    String platform;

    @Column(name = "scope", nullable = false)
    String scope;

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

    protected WebhookClient() {
    }

    public WebhookClient(String clientId, String platform, String scope, byte[] secretHmac, Instant createdAt,
            String createdBy) {
        this.clientId = clientId;
        this.platform = platform;
        this.scope = scope;
        this.secretHmac = secretHmac.clone();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

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

    public String clientId() {
        return clientId;
    }

    public String platform() {
        return platform;
    }

    public String scope() {
        return scope;
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
