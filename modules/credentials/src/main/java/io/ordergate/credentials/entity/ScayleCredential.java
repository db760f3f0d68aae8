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
@NamedQuery(
        name = ScayleCredential.BY_MERCHANT,
        query = "SELECT c FROM ScayleCredential c WHERE c.merchantKey = :merchantKey ORDER BY c.createdAt")
public class ScayleCredential extends IssuedSecret {

    public static final String BY_MERCHANT = "ScayleCredential.byMerchant";

    @Id
    @Column(name = "username")
    String username;

    @Column(name = "merchant_key", nullable = false)
    String merchantKey;

    protected ScayleCredential() {}

    public ScayleCredential(
            String username, String merchantKey, byte[] secretHmac, Instant createdAt, String createdBy) {
        super(secretHmac, createdAt, createdBy);
        this.username = username;
        this.merchantKey = merchantKey;
    }

    public String username() {
        return username;
    }

    public String merchantKey() {
        return merchantKey;
    }
}
