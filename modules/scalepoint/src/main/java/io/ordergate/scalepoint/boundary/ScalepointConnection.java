package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.boundary.Vault;
import io.ordergate.platform.boundary.OutboundUrls;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.scalepoint.control.BadPartnerResponse;
import io.ordergate.scalepoint.control.ClientCertificates;
import io.ordergate.scalepoint.control.NotConnected;
import io.ordergate.scalepoint.control.PartnerUnavailable;
import io.ordergate.scalepoint.control.ScalepointConfig;
import io.ordergate.scalepoint.control.ScalepointTokens;
import io.ordergate.scalepoint.control.Settings;
import io.ordergate.scalepoint.control.TokenFailure;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * How OrderGate reaches Scalepoint: the connection settings (client id, scopes, tenant, country,
 * URLs), the client certificates for {@code private_key_jwt} and the resolved {@link Settings}
 * every outbound call uses. Private keys and client secrets are sealed with the master key.
 */
@Stateless
@DenyAll
public class ScalepointConnection {

    private static final Logger LOG = Logger.getLogger(ScalepointConnection.class.getName());

    static final String KEY_PURPOSE = "scalepoint.certificate-key";
    static final String SECRET_PURPOSE = "scalepoint.client-secret";
    static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");
    static final String CERTIFICATE_COLUMNS = "thumbprint, x5t, certificate_der, subject, not_before, not_after, "
            + "origin, active, created_at, retired_at";

    @PersistenceContext
    EntityManager em;

    @Inject
    Vault vault;

    @Inject
    AuditTrail audit;

    @Inject
    ScalepointConfig config;

    @Inject
    ScalepointTokens tokens;

    @Inject
    Clock clock;

    @Inject
    OutboundUrls outbound;

    /** What staff send to connect OrderGate to Scalepoint; null URLs use the configured defaults. */
    public record ConnectionRequest(String clientId, List<String> scopes, String tenant, String country,
            String tokenUrl, String orderDataUrl, String eventApiUrl, String clientSecret) {

        @Override
        public String toString() {
            return "ConnectionRequest[clientId=" + clientId + ", scopes=" + scopes + ", clientSecret="
                    + (clientSecret == null ? "none" : "***") + "]";
        }
    }

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ConnectionView> view() {
        return row().map(this::view);
    }

    /**
     * Replaces the connection settings. With a {@code clientSecret} OrderGate authenticates with it
     * ({@code client_secret}); without, with the active certificate ({@code private_key_jwt}).
     */
    @RolesAllowed(Roles.ADMIN)
    public ConnectionView update(ConnectionRequest request, String actor) {
        var clientId = text("clientId", request.clientId(), 200);
        var tenant = segment("tenant", request.tenant());
        var country = segment("country", request.country());
        var scopes = request.scopes() == null ? List.<String>of() : request.scopes();
        for (var scope : scopes) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw bad("Each scope must be 1 to 100 printable characters without spaces or quotes.");
            }
        }
        var tokenUrl = url("tokenUrl", request.tokenUrl());
        var orderDataUrl = url("orderDataUrl", request.orderDataUrl());
        var eventApiUrl = url("eventApiUrl", request.eventApiUrl());
        byte[] sealedSecret = null;
        if (request.clientSecret() != null) {
            var secret = text("clientSecret", request.clientSecret(), 1000);
            sealedSecret = vault.seal(SECRET_PURPOSE, secret.getBytes(StandardCharsets.UTF_8));
        }
        var now = Timestamp.from(clock.instant());
        em.createNativeQuery("""
                INSERT INTO sp_connection (connection_id, client_id, scopes, tenant, country, token_url,
                                           order_data_url, event_api_url, client_secret_sealed, updated_at, updated_by)
                VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                ON CONFLICT (connection_id) DO UPDATE SET client_id = ?1, scopes = ?2, tenant = ?3, country = ?4,
                    token_url = ?5, order_data_url = ?6, event_api_url = ?7, client_secret_sealed = ?8,
                    updated_at = ?9, updated_by = ?10""")
                .setParameter(1, clientId).setParameter(2, String.join(" ", scopes)).setParameter(3, tenant)
                .setParameter(4, country).setParameter(5, tokenUrl).setParameter(6, orderDataUrl)
                .setParameter(7, eventApiUrl).setParameter(8, sealedSecret).setParameter(9, now)
                .setParameter(10, actor)
                .executeUpdate();
        audit.record(AuditEntry.byUser(actor, "scalepoint.connection.updated", "scalepoint-connection", clientId,
                Map.of("tenant", tenant, "country", country, "scopes", String.join(" ", scopes),
                        "authentication", sealedSecret == null ? "private_key_jwt" : "client_secret")));
        return view().orElseThrow();
    }

    // ---- certificates

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CertificateView> certificates() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + CERTIFICATE_COLUMNS
                + " FROM sp_certificate ORDER BY created_at DESC, thumbprint").getResultList();
        return rows.stream().map(ScalepointConnection::certificate).toList();
    }

    /**
     * Generates an RSA 2048 key pair and a self-signed SHA-256 certificate; the first certificate
     * becomes active at once, later ones when staff activate them (after Scalepoint has them).
     */
    @RolesAllowed(Roles.ADMIN)
    public CertificateView generate(String commonName, String actor) {
        var name = commonName == null || commonName.isBlank()
                ? row().map(r -> "OrderGate " + r[1]).orElse("OrderGate") : commonName.trim();
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        ClientCertificates.KeyAndCertificate key;
        try {
            key = ClientCertificates.generate(name, config.certificateValidity());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        return store(key, "generated", actor);
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
            throw bad("The certificate in the PKCS#12 file expired on " + key.certificate().getNotAfter().toInstant()
                    + ".");
        }
        if (find(ClientCertificates.thumbprint(key.certificate())).isPresent()) {
            throw new ProblemException(409, "Conflict", "This certificate ("
                    + ClientCertificates.thumbprint(key.certificate()) + ") is already stored.");
        }
        return store(key, "uploaded", actor);
    }

    CertificateView store(ClientCertificates.KeyAndCertificate key, String origin, String actor) {
        X509Certificate certificate = key.certificate();
        var thumbprint = ClientCertificates.thumbprint(certificate);
        boolean first = em.createNativeQuery("SELECT 1 FROM sp_certificate WHERE active").getResultList().isEmpty();
        em.createNativeQuery("""
                INSERT INTO sp_certificate (thumbprint, x5t, certificate_der, private_key_sealed, subject, not_before,
                                            not_after, origin, active, created_at, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, thumbprint)
                .setParameter(2, ClientCertificates.x5t(certificate))
                .setParameter(3, ClientCertificates.der(certificate))
                .setParameter(4, vault.seal(KEY_PURPOSE + ":" + thumbprint, ClientCertificates.pkcs8(key.privateKey())))
                .setParameter(5, certificate.getSubjectX500Principal().getName())
                .setParameter(6, Timestamp.from(certificate.getNotBefore().toInstant()))
                .setParameter(7, Timestamp.from(certificate.getNotAfter().toInstant()))
                .setParameter(8, origin)
                .setParameter(9, first)
                .setParameter(10, Timestamp.from(clock.instant()))
                .setParameter(11, actor)
                .executeUpdate();
        audit.record(AuditEntry.byUser(actor, "scalepoint.certificate." + origin, "scalepoint-certificate",
                thumbprint, Map.of("notAfter", certificate.getNotAfter().toInstant().toString(),
                        "active", String.valueOf(first))));
        return find(thumbprint).orElseThrow();
    }

    /** Makes this certificate the one OrderGate signs with (Scalepoint must already have it). */
    @RolesAllowed(Roles.ADMIN)
    public CertificateView activate(String thumbprint, String actor) {
        var certificate = require(thumbprint);
        if (certificate.retiredAt() != null) {
            throw new ProblemException(409, "Conflict", "Certificate " + certificate.thumbprint()
                    + " is retired; its private key is gone.");
        }
        if (!certificate.notAfter().isAfter(clock.instant())) {
            throw new ProblemException(409, "Conflict", "Certificate " + certificate.thumbprint() + " expired on "
                    + certificate.notAfter() + ".");
        }
        em.createNativeQuery("UPDATE sp_certificate SET active = false WHERE active AND thumbprint <> ?1")
                .setParameter(1, certificate.thumbprint()).executeUpdate();
        em.createNativeQuery("UPDATE sp_certificate SET active = true WHERE thumbprint = ?1")
                .setParameter(1, certificate.thumbprint()).executeUpdate();
        audit.record(AuditEntry.byUser(actor, "scalepoint.certificate.activated", "scalepoint-certificate",
                certificate.thumbprint(), Map.of()));
        return find(certificate.thumbprint()).orElseThrow();
    }

    /** Retires a certificate that is not active: its private key is wiped, the certificate kept for the record. */
    @RolesAllowed(Roles.ADMIN)
    public CertificateView retire(String thumbprint, String actor) {
        var certificate = require(thumbprint);
        if (certificate.active()) {
            throw new ProblemException(409, "Conflict", "Certificate " + certificate.thumbprint() + " is the active "
                    + "one; activate another certificate first.");
        }
        if (certificate.retiredAt() == null) {
            em.createNativeQuery("UPDATE sp_certificate SET retired_at = ?1, private_key_sealed = NULL "
                    + "WHERE thumbprint = ?2")
                    .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, certificate.thumbprint())
                    .executeUpdate();
            audit.record(AuditEntry.byUser(actor, "scalepoint.certificate.retired", "scalepoint-certificate",
                    certificate.thumbprint(), Map.of()));
        }
        return find(certificate.thumbprint()).orElseThrow();
    }

    CertificateView require(String thumbprint) {
        return find(thumbprint).orElseThrow(() -> new ProblemException(404, "Not Found",
                "There is no certificate with thumbprint '" + thumbprint + "'."));
    }

    Optional<CertificateView> find(String thumbprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + CERTIFICATE_COLUMNS
                + " FROM sp_certificate WHERE thumbprint = ?1")
                .setParameter(1, thumbprint == null ? "" : thumbprint.toUpperCase(Locale.ROOT))
                .getResultList();
        return rows.stream().findFirst().map(ScalepointConnection::certificate);
    }

    // ---- what outbound calls use

    /**
     * The resolved settings for a call to Scalepoint.
     *
     * @throws NotConnected with what staff must do, when OrderGate is not connected yet
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @PermitAll
    public Settings settings() {
        var row = row().orElseThrow(() -> new NotConnected("Scalepoint is not connected: set the connection "
                + "(PUT /api/admin/scalepoint/connection) first."));
        var secret = (byte[]) row[8];
        var updatedAt = ((Timestamp) row[9]).toInstant();
        var base = new Settings((String) row[1], (String) row[2], (String) row[3], (String) row[4],
                uri(row[5], config.tokenUrl()), uri(row[6], config.orderDataUrl()), uri(row[7], config.eventApiUrl()),
                null, null, null);
        // again before every call, whether staff or the configuration set them: DNS may have changed since
        try {
            outbound.check("Scalepoint's token URL", base.tokenUrl().toString());
            outbound.check("Scalepoint's Order Data URL", base.orderDataUrl().toString());
            outbound.check("Scalepoint's Event API URL", base.eventApiUrl().toString());
        } catch (OutboundUrls.Refused e) {
            throw new NotConnected("OrderGate does not call this URL: " + e.getMessage());
        }
        if (secret != null) {
            return new Settings(base.clientId(), base.scopes(), base.tenant(), base.country(), base.tokenUrl(),
                    base.orderDataUrl(), base.eventApiUrl(), null,
                    new String(vault.open(SECRET_PURPOSE, secret), StandardCharsets.UTF_8),
                    Settings.version(updatedAt, "secret"));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> active = em.createNativeQuery("SELECT thumbprint, certificate_der, private_key_sealed "
                + "FROM sp_certificate WHERE active").getResultList();
        if (active.isEmpty()) {
            throw new NotConnected("Scalepoint is connected without a client secret, but there is no active "
                    + "certificate: generate one (POST /api/admin/scalepoint/connection/certificates) and send it to "
                    + "Scalepoint.");
        }
        var thumbprint = (String) active.get(0)[0];
        var key = new ClientCertificates.KeyAndCertificate(
                ClientCertificates.privateKey(vault.open(KEY_PURPOSE + ":" + thumbprint, (byte[]) active.get(0)[2])),
                ClientCertificates.certificate((byte[]) active.get(0)[1]));
        return new Settings(base.clientId(), base.scopes(), base.tenant(), base.country(), base.tokenUrl(),
                base.orderDataUrl(), base.eventApiUrl(), key, null, Settings.version(updatedAt, thumbprint));
    }

    /** Asks Scalepoint's Authorization Server for a token with the current settings, bypassing the cache. */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConnectionTest test(String actor) {
        var now = clock.instant();
        ConnectionTest result;
        Settings settings = null;
        try {
            settings = settings();
            var issued = tokens.request(settings, settings.scopes());
            result = new ConnectionTest(true, settings.tokenUrl().toString(), authentication(settings),
                    issued.scope(), issued.expiresIn(), null, now);
        } catch (RuntimeException e) {
            result = new ConnectionTest(false, settings == null ? null : settings.tokenUrl().toString(),
                    settings == null ? null : authentication(settings), null, null, testFailure(e), now);
        }
        audit.record(new AuditEntry(AuditEntry.ACTOR_USER, actor, "scalepoint.connection.tested",
                result.ok() ? "ok" : "failed", "scalepoint-connection", settings == null ? null : settings.clientId(),
                null, null, null, result.ok() ? Map.of() : Map.of("error", result.error())));
        return result;
    }

    static String authentication(Settings settings) {
        return settings.privateKeyJwt() ? "private_key_jwt" : "client_secret";
    }

    /** A failure as one line for staff: the message when it is ours, the kind of failure otherwise. */
    public static String describe(Throwable failure) {
        var message = failure.getMessage();
        var name = failure.getClass().getSimpleName();
        return switch (name) {
            case "CircuitBreakerOpenException" -> "Scalepoint failed repeatedly; OrderGate pauses calls for a while "
                    + "(circuit breaker open).";
            case "TimeoutException" -> "Scalepoint did not answer in time.";
            case "BulkheadException" -> "Too many calls to Scalepoint at once; tried again later.";
            default -> message == null ? name : message;
        };
    }

    /**
     * A failed connection test as one line for staff. What happened on the network is reduced to
     * its kind (no connection, no TLS, an HTTP status): with the exception's own text the test
     * would tell whoever may edit the URL which hosts and ports exist behind OrderGate.
     */
    static String testFailure(RuntimeException failure) {
        if (failure instanceof NotConnected || failure instanceof TokenFailure || failure instanceof BadPartnerResponse) {
            return failure.getMessage();
        }
        if (failure instanceof PartnerUnavailable unavailable) {
            if (unavailable.status() != null) {
                return "The token endpoint answered " + unavailable.status() + ".";
            }
            // the details are for whoever reads the server log, not for the connection test's screen
            LOG.log(Level.INFO, "Scalepoint connection test: {0}", failure.getMessage());
            var tls = "The TLS handshake with the token endpoint failed (certificate or protocol not accepted).";
            var unresolved = "The token endpoint's host could not be resolved.";
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SSLException) {
                    return tls;
                }
                if (cause instanceof UnknownHostException) {
                    return unresolved;
                }
            }
            // a client library may pass the cause on as text only: PartnerClients names its class
            var text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("sslexception") || text.contains("sslhandshakeexception") || text.contains("pkix")) {
                return tls;
            }
            return text.contains("unknownhostexception") ? unresolved
                    : "Could not connect to the token endpoint (connection refused, reset or timed out).";
        }
        var described = describe(failure);
        if (failure.getClass().getName().startsWith("org.eclipse.microprofile.faulttolerance.")) {
            return described;
        }
        LOG.log(Level.WARNING, "Scalepoint connection test failed", failure);
        return "The connection test failed unexpectedly; the server log has the details.";
    }

    // ---- helpers

    Optional<Object[]> row() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT connection_id, client_id, scopes, tenant, country, "
                + "token_url, order_data_url, event_api_url, client_secret_sealed, updated_at, updated_by "
                + "FROM sp_connection WHERE connection_id = 1").getResultList();
        return rows.stream().findFirst();
    }

    ConnectionView view(Object[] row) {
        @SuppressWarnings("unchecked")
        List<Object> active = em.createNativeQuery("SELECT thumbprint FROM sp_certificate WHERE active")
                .getResultList();
        var scopes = ((String) row[2]).isBlank() ? List.<String>of() : List.of(((String) row[2]).split(" "));
        return new ConnectionView((String) row[1], scopes, (String) row[3], (String) row[4],
                row[5] == null ? config.tokenUrl() : (String) row[5],
                row[6] == null ? config.orderDataUrl() : (String) row[6],
                row[7] == null ? config.eventApiUrl() : (String) row[7],
                row[8] == null ? "private_key_jwt" : "client_secret",
                active.isEmpty() ? null : (String) active.get(0), ((Timestamp) row[9]).toInstant(), (String) row[10]);
    }

    static CertificateView certificate(Object[] r) {
        return new CertificateView((String) r[0], (String) r[1], Base64.getEncoder().encodeToString((byte[]) r[2]),
                (String) r[3], instant(r[4]), instant(r[5]), (String) r[6], (Boolean) r[7], instant(r[8]),
                instant(r[9]));
    }

    static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    static URI uri(Object stored, String configured) {
        return URI.create(stored == null ? configured : (String) stored);
    }

    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw bad("'" + name + "' is required.");
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw bad("'" + name + "' must be at most " + max + " characters without control characters.");
        }
        return value.trim();
    }

    static String segment(String name, String value) {
        if (value == null || !PATH_SEGMENT.matcher(value).matches()) {
            throw bad("'" + name + "' is required: 1 to 64 letters, digits, '.', '_', '~' or '-'.");
        }
        return value;
    }

    /** A URL that passes {@link OutboundUrls}; null stays null (the configured default). */
    String url(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return outbound.check("'" + name + "'", value).toString();
        } catch (OutboundUrls.Refused e) {
            throw bad(e.getMessage());
        }
    }

    static ProblemException bad(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }
}
