package io.ordergate.idempotency.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** First delivery versus replay, decided by the database, remembered permanently. */
@Stateless
@PermitAll
public class Idempotency {

    static final String CLAIM = """
            INSERT INTO idem_record (scope, idem_key, request_sha256, response_status, response_content_type,
                                     response_body, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, now())
            ON CONFLICT (scope, idem_key) DO NOTHING""";
    static final String STORED = """
            SELECT request_sha256, response_status, response_content_type, response_body
            FROM idem_record WHERE scope = ?1 AND idem_key = ?2""";

    @PersistenceContext
    EntityManager em;

    /**
     * Claims {@code (scope, key)} for a request whose content hashes to {@code requestSha256}. When
     * the claim is first, {@code response} is stored as the answer for this identity forever;
     * otherwise the stored answer is returned. Must run inside the caller's transaction so that the
     * claim and the caller's business rows commit together.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Claim claim(String scope, String key, byte[] requestSha256, StoredResponse response) {
        int inserted = em.createNativeQuery(CLAIM)
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, requestSha256)
                .setParameter(4, response.status())
                .setParameter(5, response.contentType())
                .setParameter(6, response.body())
                .executeUpdate();
        if (inserted == 1) {
            return new Claim(Claim.Outcome.FIRST, response);
        }
        var stored = find(scope, key).orElseThrow(() -> new IllegalStateException(
                "idempotency record " + scope + " " + key + " vanished after a conflicting insert"));
        var outcome = MessageDigest.isEqual(stored.requestSha256(), requestSha256)
                ? Claim.Outcome.REPLAY
                : Claim.Outcome.CONFLICT;
        return new Claim(outcome, stored.response());
    }

    /** The stored answer for an identity, if it was ever claimed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Record> find(String scope, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(STORED)
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Record((byte[]) row[0],
                new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (byte[]) row[3])));
    }

    /** A stored record: the hash of the first request's content and the response it got. */
    public record Record(byte[] requestSha256, StoredResponse response) {
    }
}
