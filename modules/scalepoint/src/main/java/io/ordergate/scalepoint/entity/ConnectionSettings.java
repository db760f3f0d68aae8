package io.ordergate.scalepoint.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * Who OrderGate is at Scalepoint: the one row of {@code sp_connection}. URLs are null when the
 * configured defaults apply; without a sealed client secret OrderGate authenticates with the active
 * certificate ({@code private_key_jwt}).
 */
@Entity
@Table(name = "sp_connection")
public class ConnectionSettings {

    /** The table holds one row, always with this id. */
    public static final short ID = 1;
    /** What the client secret is sealed for with the master key. */
    public static final String SECRET_PURPOSE = "scalepoint.client-secret";

    @Id
    @Column(name = "connection_id")
    short id;

    @Column(name = "client_id", nullable = false)
    String clientId;

    /** Space separated, as sent to the token endpoint. */
    @Column(name = "scopes", nullable = false)
    String scopes;

    @Column(name = "tenant", nullable = false)
    String tenant;

    @Column(name = "country", nullable = false)
    String country;

    @Column(name = "token_url")
    String tokenUrl;

    @Column(name = "order_data_url")
    String orderDataUrl;

    @Column(name = "event_api_url")
    String eventApiUrl;

    @Column(name = "client_secret_sealed")
    byte[] clientSecretSealed;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    protected ConnectionSettings() {}

    /**
     * What staff set; null URLs mean the configured defaults, a null {@code sealedSecret} means
     * {@code private_key_jwt}.
     *
     * @param scopes kept as one space-separated string, as the token endpoint takes them
     */
    public record Values(
            String clientId,
            List<String> scopes,
            String tenant,
            String country,
            String tokenUrl,
            String orderDataUrl,
            String eventApiUrl,
            byte[] sealedSecret) {}

    public ConnectionSettings(Values values, Instant now, String actor) {
        this.id = ID;
        change(values, now, actor);
    }

    /** Replaces every setting, the client secret included. */
    public void change(Values values, Instant now, String actor) {
        this.clientId = values.clientId();
        this.scopes = String.join(" ", values.scopes());
        this.tenant = values.tenant();
        this.country = values.country();
        this.tokenUrl = values.tokenUrl();
        this.orderDataUrl = values.orderDataUrl();
        this.eventApiUrl = values.eventApiUrl();
        this.clientSecretSealed = values.sealedSecret();
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public String clientId() {
        return clientId;
    }

    /** The scopes as one space-separated string, as the token endpoint takes them. */
    public String scopes() {
        return scopes;
    }

    public List<String> scopeList() {
        return scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    }

    public String tenant() {
        return tenant;
    }

    public String country() {
        return country;
    }

    /** Null when the configured default applies. */
    public String tokenUrl() {
        return tokenUrl;
    }

    /** Null when the configured default applies. */
    public String orderDataUrl() {
        return orderDataUrl;
    }

    /** Null when the configured default applies. */
    public String eventApiUrl() {
        return eventApiUrl;
    }

    /** Null for {@code private_key_jwt}. */
    public byte[] clientSecretSealed() {
        return clientSecretSealed;
    }

    public boolean withClientSecret() {
        return clientSecretSealed != null;
    }

    /** {@code client_secret} or {@code private_key_jwt}, as staff and the audit trail name it. */
    public String authentication() {
        return withClientSecret() ? "client_secret" : "private_key_jwt";
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
