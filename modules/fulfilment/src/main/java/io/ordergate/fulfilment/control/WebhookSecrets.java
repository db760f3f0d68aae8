package io.ordergate.fulfilment.control;

import io.ordergate.credentials.boundary.Vault;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The secrets the feed's push is signed with, sealed by the master key: the current one, and a
 * rotated one until its grace ends (both sign meanwhile, so the receiver can switch without a gap).
 */
@Stateless
public class WebhookSecrets {

    static final String PURPOSE = "fulfilment-webhook-secret";

    static final String RETIRE =
            "UPDATE ful_webhook_secret SET valid_until = CAST(?1 AS timestamptz) WHERE valid_until IS NULL";

    static final String ADD = """
            INSERT INTO ful_webhook_secret (sealed, created_at, created_by) VALUES (?1, CAST(?2 AS timestamptz), ?3)""";

    static final String VALID = """
            SELECT sealed, created_at, valid_until FROM ful_webhook_secret
            WHERE valid_until IS NULL OR valid_until > CAST(?1 AS timestamptz) ORDER BY secret_id DESC""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Vault vault;

    /** A new current secret; the one before keeps signing until {@code previousValidUntil}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String rotate(String actor, Instant now, Instant previousValidUntil) {
        em.createNativeQuery(RETIRE)
                .setParameter(1, Timestamp.from(previousValidUntil))
                .executeUpdate();
        var secret = WebhookSigner.newSecret();
        em.createNativeQuery(ADD)
                .setParameter(1, vault.seal(PURPOSE, secret.getBytes(StandardCharsets.UTF_8)))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, actor)
                .executeUpdate();
        return secret;
    }

    /** The secrets that sign now, the current one first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> valid(Instant now) {
        return SqlRow.list(em.createNativeQuery(VALID).setParameter(1, Timestamp.from(now))).stream()
                .map(row -> new String(vault.open(PURPOSE, row.bytes("sealed")), StandardCharsets.UTF_8))
                .toList();
    }

    /** When the current secret was made, if there is one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> currentSince(Instant now) {
        return SqlRow.list(em.createNativeQuery(VALID).setParameter(1, Timestamp.from(now))).stream()
                .filter(row -> row.get("valid_until") == null)
                .map(row -> row.instant("created_at"))
                .findFirst();
    }
}
