package io.ordergate.scayle.control;

import io.ordergate.credentials.boundary.Vault;
import io.ordergate.platform.boundary.OutboundUrls;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The one stored connection to SCAYLE's Admin API ({@code scayle_admin_api}): base URL, the access
 * token sealed with the master key, the optional company id.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AdminApiSettings {

    /** The Vault purpose of the access token, also its associated data. */
    public static final String TOKEN_PURPOSE = "scayle-admin-api-token";

    static final String READ = """
            SELECT base_url, token_sealed, company_id, token_changed_at, updated_at, updated_by
            FROM scayle_admin_api WHERE singleton""";

    static final String UPSERT = """
            INSERT INTO scayle_admin_api (singleton, base_url, token_sealed, company_id, token_changed_at,
                                          updated_at, updated_by)
            VALUES (true, ?1, ?2, ?3, CAST(?4 AS timestamptz), CAST(?4 AS timestamptz), ?5)
            ON CONFLICT (singleton) DO UPDATE SET base_url = EXCLUDED.base_url, company_id = EXCLUDED.company_id,
                updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""";

    static final String REPLACE_TOKEN = """
            UPDATE scayle_admin_api SET token_sealed = ?1, token_changed_at = CAST(?2 AS timestamptz) WHERE singleton""";

    /** What is stored; the token stays sealed. */
    public record Stored(
            String baseUrl,
            byte[] tokenSealed,
            String companyId,
            Instant tokenChangedAt,
            Instant updatedAt,
            String updatedBy) {}

    /** What a call needs: the base URL as checked just now, and the opened token. */
    public record Connection(URI baseUrl, String token, String companyId) {}

    /** Why no call can be made: no connection, or its URL breaks the outbound rule now. */
    @ApplicationException(rollback = true)
    public static class NotConfigured extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public NotConfigured(String message) {
            super(message, null, false, false);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Vault vault;

    @Inject
    OutboundUrls outbound;

    public Optional<Stored> stored() {
        return SqlRow.first(em.createNativeQuery(READ))
                .map(row -> new Stored(
                        row.string("base_url"),
                        (byte[]) row.get("token_sealed"),
                        row.string("company_id"),
                        row.instant("token_changed_at"),
                        row.instant("updated_at"),
                        row.string("updated_by")));
    }

    /**
     * Saves the connection; the token is replaced only when one is given (the first save needs one).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void save(String baseUrl, String token, String companyId, Instant now, String actor) {
        var sealed = token == null ? null : vault.seal(TOKEN_PURPOSE, token.getBytes(StandardCharsets.UTF_8));
        em.createNativeQuery(UPSERT)
                .setParameter(1, baseUrl)
                .setParameter(2, sealed == null ? new byte[0] : sealed)
                .setParameter(3, companyId)
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, actor)
                .executeUpdate();
        if (sealed != null) {
            em.createNativeQuery(REPLACE_TOKEN)
                    .setParameter(1, sealed)
                    .setParameter(2, Timestamp.from(now))
                    .executeUpdate();
        }
    }

    /**
     * The connection for a call, its URL checked again (what a name resolves to may have changed).
     *
     * @throws NotConfigured with what is missing or wrong
     */
    public Connection connection() {
        var stored = stored().orElseThrow(() -> new NotConfigured(
                "SCAYLE Admin API not configured: set the connection " + "(PUT /api/admin/scayle/admin-api) first."));
        URI base;
        try {
            base = outbound.check("SCAYLE's Admin API base URL", stored.baseUrl());
        } catch (OutboundUrls.Refused e) {
            throw new NotConfigured("SCAYLE Admin API not usable: OrderGate does not call this URL: " + e.getMessage());
        }
        // the client resolves paths against the base, so it must end with a slash
        var withSlash = base.toString().endsWith("/") ? base : URI.create(base + "/");
        return new Connection(
                withSlash,
                new String(vault.open(TOKEN_PURPOSE, stored.tokenSealed()), StandardCharsets.UTF_8),
                stored.companyId());
    }
}
