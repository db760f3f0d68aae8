package io.ordergate.scalepoint.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A client certificate for {@code private_key_jwt}. Scalepoint keeps the public certificate; the
 * private key is sealed with the master key and never leaves the server. At most one certificate
 * is active; retiring one wipes its key and keeps the certificate for the record.
 */
@Entity
@Table(name = "sp_certificate")
@NamedQuery(
        name = ClientCertificate.ALL,
        query = "SELECT c FROM ClientCertificate c ORDER BY c.createdAt DESC, c.thumbprint")
@NamedQuery(name = ClientCertificate.ACTIVE, query = "SELECT c FROM ClientCertificate c WHERE c.active = TRUE")
public class ClientCertificate {

    public static final String ALL = "ClientCertificate.all";
    public static final String ACTIVE = "ClientCertificate.active";

    /** Where a certificate came from: made by OrderGate, or from a PKCS#12 file. */
    public static final String GENERATED = "generated";

    public static final String UPLOADED = "uploaded";

    /** Upper-case hex SHA-1 of the DER certificate; the JWT {@code kid}. */
    @Id
    @Column(name = "thumbprint")
    String thumbprint;

    @Column(name = "x5t", nullable = false)
    String x5t;

    @Column(name = "certificate_der", nullable = false)
    byte[] certificateDer;

    @Column(name = "private_key_sealed")
    byte[] privateKeySealed;

    @Column(name = "subject", nullable = false)
    String subject;

    @Column(name = "not_before", nullable = false)
    Instant notBefore;

    @Column(name = "not_after", nullable = false)
    Instant notAfter;

    @Column(name = "origin", nullable = false)
    String origin;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "retired_at")
    Instant retiredAt;

    protected ClientCertificate() {}

    /** {@code privateKeySealed} must be sealed for {@link #keyPurpose(String)} of this thumbprint. */
    public ClientCertificate(
            String thumbprint,
            String x5t,
            byte[] certificateDer,
            byte[] privateKeySealed,
            String subject,
            Instant notBefore,
            Instant notAfter,
            String origin,
            boolean active,
            Instant now,
            String actor) {
        this.thumbprint = thumbprint;
        this.x5t = x5t;
        this.certificateDer = certificateDer;
        this.privateKeySealed = privateKeySealed;
        this.subject = subject;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.origin = origin;
        this.active = active;
        this.createdAt = now;
        this.createdBy = actor;
    }

    /** What a certificate's private key is sealed for: bound to the certificate, so keys cannot be swapped. */
    public static String keyPurpose(String thumbprint) {
        return "scalepoint.certificate-key:" + thumbprint;
    }

    public String keyPurpose() {
        return keyPurpose(thumbprint);
    }

    public void activate() {
        active = true;
    }

    public void deactivate() {
        active = false;
    }

    /** Wipes the private key; the certificate stays for the record. */
    public void retire(Instant now) {
        retiredAt = now;
        privateKeySealed = null;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public boolean expired(Instant now) {
        return !notAfter.isAfter(now);
    }

    public String thumbprint() {
        return thumbprint;
    }

    public String x5t() {
        return x5t;
    }

    public byte[] certificateDer() {
        return certificateDer;
    }

    /** Null once retired. */
    public byte[] privateKeySealed() {
        return privateKeySealed;
    }

    public String subject() {
        return subject;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public String origin() {
        return origin;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}
