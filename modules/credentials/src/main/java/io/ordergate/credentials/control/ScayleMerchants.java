package io.ordergate.credentials.control;

import io.ordergate.credentials.boundary.ScayleMerchantInfo;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The SCAYLE merchants OrderGate accepts orders for ({@code cred_scayle_merchant}). Adding one is an
 * {@code INSERT ... ON CONFLICT DO NOTHING}, so that two admins creating the same merchant at once
 * get one merchant and one clear refusal, never a constraint violation.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ScayleMerchants {

    static final String ADD = """
            INSERT INTO cred_scayle_merchant (merchant_key, created_at, created_by) VALUES (?1, ?2, ?3)
            ON CONFLICT (merchant_key) DO NOTHING""";
    static final String LIST = """
            SELECT m.merchant_key, m.created_at, m.created_by,
                   count(c.username) FILTER (WHERE c.revoked_at IS NULL
                                             AND (c.expires_at IS NULL OR c.expires_at > ?1)) AS active
            FROM cred_scayle_merchant m LEFT JOIN cred_scayle_credential c ON c.merchant_key = m.merchant_key
            GROUP BY m.merchant_key, m.created_at, m.created_by
            ORDER BY m.merchant_key""";

    @PersistenceContext
    EntityManager em;

    /** @return false when the merchant already exists */
    public boolean add(String merchantKey, Instant at, String by) {
        return em.createNativeQuery(ADD)
                        .setParameter(1, merchantKey)
                        .setParameter(2, Timestamp.from(at))
                        .setParameter(3, by)
                        .executeUpdate()
                > 0;
    }

    public boolean exists(String merchantKey) {
        return !em.createNativeQuery("SELECT 1 FROM cred_scayle_merchant WHERE merchant_key = ?1")
                .setParameter(1, merchantKey)
                .getResultList()
                .isEmpty();
    }

    /** Every merchant, by key, with how many of its credentials work at {@code now}. */
    public List<ScayleMerchantInfo> list(Instant now) {
        return SqlRow.list(em.createNativeQuery(LIST).setParameter(1, Timestamp.from(now))).stream()
                .map(row -> new ScayleMerchantInfo(
                        row.string("merchant_key"),
                        row.instant("created_at"),
                        row.string("created_by"),
                        row.count("active")))
                .toList();
    }
}
