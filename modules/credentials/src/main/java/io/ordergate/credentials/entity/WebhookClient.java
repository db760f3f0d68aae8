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
@NamedQuery(
        name = WebhookClient.BY_PLATFORM,
        query = "SELECT c FROM WebhookClient c WHERE c.platform = :platform ORDER BY c.createdAt")
public class WebhookClient extends IssuedSecret {

    public static final String BY_PLATFORM = "WebhookClient.byPlatform";

    @Id
    @Column(name = "client_id")
    String clientId;

    @Column(name = "platform", nullable = false)
    String platform;

    @Column(name = "scope", nullable = false)
    String scope;

    protected WebhookClient() {}

    public WebhookClient(
            String clientId, String platform, String scope, byte[] secretHmac, Instant createdAt, String createdBy) {
        super(secretHmac, createdAt, createdBy);
        this.clientId = clientId;
        this.platform = platform;
        this.scope = scope;
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
}
