package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.boundary.Vault;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.ClientCertificates;
import io.ordergate.scalepoint.control.OutboundConnection;
import io.ordergate.scalepoint.control.ScalepointConfig;
import io.ordergate.scalepoint.entity.ClientCertificate;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client certificates OrderGate signs its {@code private_key_jwt} token requests with:
 * generate or upload one, hand its public part to Scalepoint, activate it once they have it,
 * retire the old one. Private keys are sealed with the master key and never leave the server.
 */
@Stateless
@DenyAll
public class ScalepointCertificates {

    @PersistenceContext
    EntityManager em;

    @Inject
    Vault vault;

    @Inject
    AuditTrail audit;

    @Inject
    ScalepointConfig config;

    @Inject
    OutboundConnection connection;

    @Inject
    Clock clock;

    /** Newest first. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CertificateView> list() {
        return em.createNamedQuery(ClientCertificate.ALL, ClientCertificate.class)
                .getResultStream()
                .map(ScalepointCertificates::view)
                .toList();
    }

    /**
     * Generates an RSA 2048 key pair and a self-signed SHA-256 certificate; the first certificate
     * becomes active at once, later ones when staff activate them (after Scalepoint has them).
     */
    @RolesAllowed(Roles.ADMIN)
    public CertificateView generate(String commonName, String actor) {
        var name = commonName == null || commonName.isBlank()
                ? connection
                        .stored()
                        .map(stored -> "OrderGate " + stored.clientId())
                        .orElse("OrderGate")
                : commonName.trim();
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        ClientCertificates.KeyAndCertificate key;
        try {
            key = ClientCertificates.generate(name, config.certificateValidity());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        return store(key, ClientCertificate.GENERATED, actor);
    }

    /** Stores the key and certificate of a PKCS#12 file (for a certificate made elsewhere). */
    @RolesAllowed(Roles.ADMIN)
    public CertificateView upload(byte[] pkcs12, char[] password, String actor) {
        ClientCertificates.KeyAndCertificate key;
        try {
            key = ClientCertificates.fromPkcs12(pkcs12, password);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        if (key.certificate().getNotAfter().toInstant().isBefore(clock.instant())) {
            throw bad("The certificate in the PKCS#12 file expired on "
                    + key.certificate().getNotAfter().toInstant() + ".");
        }
        if (find(ClientCertificates.thumbprint(key.certificate())).isPresent()) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "This certificate (" + ClientCertificates.thumbprint(key.certificate()) + ") is already stored.");
        }
        return store(key, ClientCertificate.UPLOADED, actor);
    }

    CertificateView store(ClientCertificates.KeyAndCertificate key, String origin, String actor) {
        var certificate = key.certificate();
        var thumbprint = ClientCertificates.thumbprint(certificate);
        boolean first = connection.activeCertificate().isEmpty();
        var stored = new ClientCertificate(
                thumbprint,
                ClientCertificates.x5t(certificate),
                ClientCertificates.der(certificate),
                vault.seal(ClientCertificate.keyPurpose(thumbprint), ClientCertificates.pkcs8(key.privateKey())),
                certificate.getSubjectX500Principal().getName(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                origin,
                first,
                now(),
                actor);
        em.persist(stored);
        em.flush();
        audit.record(AuditEntry.byUser(
                actor,
                "scalepoint.certificate." + origin,
                "scalepoint-certificate",
                thumbprint,
                Map.of("notAfter", certificate.getNotAfter().toInstant().toString(), "active", String.valueOf(first))));
        return view(stored);
    }

    /** Makes this certificate the one OrderGate signs with (Scalepoint must already have it). */
    @RolesAllowed(Roles.ADMIN)
    public CertificateView activate(String thumbprint, String actor) {
        var certificate = require(thumbprint);
        if (certificate.retired()) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "Certificate " + certificate.thumbprint() + " is retired; its private key is gone.");
        }
        if (certificate.expired(clock.instant())) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "Certificate " + certificate.thumbprint() + " expired on " + certificate.notAfter() + ".");
        }
        connection
                .activeCertificate()
                .filter(active -> !active.thumbprint().equals(certificate.thumbprint()))
                .ifPresent(ClientCertificate::deactivate);
        // at most one certificate is active (a unique index): the old one steps down first
        em.flush();
        certificate.activate();
        em.flush();
        audit.record(AuditEntry.byUser(
                actor,
                "scalepoint.certificate.activated",
                "scalepoint-certificate",
                certificate.thumbprint(),
                Map.of()));
        return view(certificate);
    }

    /** Retires a certificate that is not active: its private key is wiped, the certificate kept for the record. */
    @RolesAllowed(Roles.ADMIN)
    public CertificateView retire(String thumbprint, String actor) {
        var certificate = require(thumbprint);
        if (certificate.active()) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "Certificate " + certificate.thumbprint() + " is the active "
                            + "one; activate another certificate first.");
        }
        if (!certificate.retired()) {
            certificate.retire(now());
            em.flush();
            audit.record(AuditEntry.byUser(
                    actor,
                    "scalepoint.certificate.retired",
                    "scalepoint-certificate",
                    certificate.thumbprint(),
                    Map.of()));
        }
        return view(certificate);
    }

    ClientCertificate require(String thumbprint) {
        return find(thumbprint)
                .orElseThrow(() -> new ProblemException(
                        404, "Not Found", "There is no certificate with thumbprint '" + thumbprint + "'."));
    }

    Optional<ClientCertificate> find(String thumbprint) {
        return Optional.ofNullable(
                em.find(ClientCertificate.class, thumbprint == null ? "" : thumbprint.toUpperCase(Locale.ROOT)));
    }

    /** Now as the database keeps it, so that this answer and later reads agree. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static CertificateView view(ClientCertificate c) {
        return new CertificateView(
                c.thumbprint(),
                c.x5t(),
                Base64.getEncoder().encodeToString(c.certificateDer()),
                c.subject(),
                c.notBefore(),
                c.notAfter(),
                c.origin(),
                c.active(),
                c.createdAt(),
                c.retiredAt());
    }

    static ProblemException bad(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }
}
