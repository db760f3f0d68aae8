package io.ordergate.idempotency.control;

import io.ordergate.idempotency.boundary.IdempotencyRecord;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The SQL of {@code idem_record}. The claim is an {@code INSERT ... ON CONFLICT DO NOTHING} on the
 * identity's unique key: the database, not a check in Java, decides which delivery is first, and
 * the claim commits or rolls back with the caller's business rows.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IdempotencyRecords {

    static final String CLAIM = """
            INSERT INTO idem_record (scope, idem_key, request_sha256, response_status, response_content_type,
                                     response_body, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, now())
            ON CONFLICT (scope, idem_key) DO NOTHING""";
    static final String SETTLE = """
            UPDATE idem_record SET response_status = ?3, response_content_type = ?4, response_body = ?5
            WHERE scope = ?1 AND idem_key = ?2""";
    static final String STORED = """
            SELECT request_sha256, response_status, response_content_type, response_body
            FROM idem_record WHERE scope = ?1 AND idem_key = ?2""";

    @PersistenceContext
    EntityManager em;

    /** @return whether this call created the record; false when the identity was claimed before */
    public boolean insert(String scope, String key, byte[] requestSha256, StoredResponse response) {
        return em.createNativeQuery(CLAIM)
                        .setParameter(1, scope)
                        .setParameter(2, key)
                        .setParameter(3, requestSha256)
                        .setParameter(4, response.status())
                        .setParameter(5, response.contentType())
                        .setParameter(6, response.body())
                        .executeUpdate()
                == 1;
    }

    /** Replaces the stored answer of an identity (see {@code Idempotency.settle}). */
    public void update(String scope, String key, StoredResponse response) {
        int updated = em.createNativeQuery(SETTLE)
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, response.status())
                .setParameter(4, response.contentType())
                .setParameter(5, response.body())
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("idempotency record " + scope + " " + key + " is not there to settle");
        }
    }

    public Optional<IdempotencyRecord> find(String scope, String key) {
        return SqlRow.first(em.createNativeQuery(STORED).setParameter(1, scope).setParameter(2, key))
                .map(row -> new IdempotencyRecord(
                        row.bytes("request_sha256"),
                        new StoredResponse(
                                row.integer("response_status"),
                                row.string("response_content_type"),
                                row.bytes("response_body"))));
    }
}
