package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.boundary.Vault;
import io.ordergate.platform.boundary.Database;
import io.ordergate.platform.boundary.OutboundUrls;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.ConnectionTests;
import io.ordergate.scalepoint.control.OutboundConnection;
import io.ordergate.scalepoint.entity.ClientCertificate;
import io.ordergate.scalepoint.entity.ConnectionSettings;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How OrderGate reaches Scalepoint: the connection settings (client id, scopes, tenant, country,
 * URLs) and the test that asks for a token with them. A client secret is sealed with the master
 * key and never shown again; the certificates are {@link ScalepointCertificates}.
 */
@Stateless
@DenyAll
public class ScalepointConnection {

    static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Vault vault;

    @Inject
    AuditTrail audit;

    @Inject
    OutboundConnection outboundConnection;

    @Inject
    ConnectionTests tests;

    @Inject
    Clock clock;

    @Inject
    OutboundUrls outbound;

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ConnectionView> view() {
        return outboundConnection.stored().map(this::view);
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
            sealedSecret = vault.seal(ConnectionSettings.SECRET_PURPOSE, secret.getBytes(StandardCharsets.UTF_8));
        }
        var values = new ConnectionSettings.Values(
                clientId, scopes, tenant, country, tokenUrl, orderDataUrl, eventApiUrl, sealedSecret);
        // as the database keeps it, so that this answer and later reads agree
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var stored = outboundConnection.stored();
        if (stored.isPresent()) {
            stored.get().change(values, now, actor);
            em.flush();
        } else {
            em.persist(new ConnectionSettings(values, now, actor));
            try {
                em.flush();
            } catch (PersistenceException firstSaveLost) {
                // Two admins saving the very first settings at once: the table holds one row, one insert loses.
                if (Database.uniqueViolation(firstSaveLost)) {
                    throw new ProblemException(
                            409,
                            "Conflict",
                            "Someone else saved the Scalepoint connection at the same moment; load it and save again.");
                }
                throw firstSaveLost;
            }
        }
        audit.record(AuditEntry.byUser(
                actor,
                "scalepoint.connection.updated",
                "scalepoint-connection",
                clientId,
                Map.of(
                        "tenant",
                        tenant,
                        "country",
                        country,
                        "scopes",
                        String.join(" ", scopes),
                        "authentication",
                        sealedSecret == null ? "private_key_jwt" : "client_secret")));
        return view().orElseThrow();
    }

    /** Asks Scalepoint's Authorization Server for a token with the current settings, bypassing the cache. */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConnectionTest test(String actor) {
        return tests.run(actor);
    }

    ConnectionView view(ConnectionSettings stored) {
        var active = outboundConnection
                .activeCertificate()
                .map(ClientCertificate::thumbprint)
                .orElse(null);
        return new ConnectionView(
                stored.clientId(),
                stored.scopeList(),
                stored.tenant(),
                stored.country(),
                outboundConnection.tokenUrl(stored),
                outboundConnection.orderDataUrl(stored),
                outboundConnection.eventApiUrl(stored),
                stored.authentication(),
                active,
                stored.updatedAt(),
                stored.updatedBy());
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
