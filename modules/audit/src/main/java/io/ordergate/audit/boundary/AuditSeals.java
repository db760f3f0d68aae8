package io.ordergate.audit.boundary;

import io.ordergate.audit.control.AuditChain;
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
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Seals the audit trail into a hash chain and verifies it. Sealing runs apart from ingest (a
 * record only queues itself, in its own transaction, by a trigger), one sealer at a time across
 * all nodes (a transaction-scoped advisory lock; the gap-free {@code seal_seq} primary key would
 * refuse a fork anyway).
 */
@Stateless
@DenyAll
public class AuditSeals {

    /** Advisory lock key of the sealer ("OGAUDIT" as a number). */
    static final long SEALER_LOCK = 0x4F47_4155_4449_54L;
    static final int VERIFY_BATCH = 5000;
    static final int INSERT_ROWS = 100;
    static final String CONTENT = "r.audit_id, (extract(epoch FROM r.occurred_at) * 1000000)::bigint, r.actor_type, "
            + "r.actor, r.action, r.outcome, r.subject_type, r.subject_key, r.source, r.request_id, r.payload_ref, "
            + "r.detail::text";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Seals up to {@code max} committed, unsealed records in one transaction.
     *
     * @return how many were sealed; 0 also when another node is sealing right now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @PermitAll
    public int sealBatch(int max) {
        var locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, SEALER_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("SELECT seal_seq, chain_hash FROM audit_seal "
                + "ORDER BY seal_seq DESC LIMIT 1").getResultList();
        long seq = head.isEmpty() ? 0 : ((Number) head.get(0)[0]).longValue();
        var previous = head.isEmpty() ? AuditChain.GENESIS : (byte[]) head.get(0)[1];
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + CONTENT + " FROM audit_unsealed u "
                + "JOIN audit_record r USING (audit_id) ORDER BY r.audit_id LIMIT " + max).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        long firstNew = seq + 1;
        var now = Timestamp.from(clock.instant());
        for (int start = 0; start < rows.size(); start += INSERT_ROWS) {
            var chunk = rows.subList(start, Math.min(rows.size(), start + INSERT_ROWS));
            var sql = new StringBuilder("INSERT INTO audit_seal (seal_seq, audit_id, content_hash, chain_hash, "
                    + "sealed_at) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 4;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                        .append(p + 3).append(", ?").append(p + 4).append(", ?").append(chunk.size() * 4 + 1)
                        .append(")");
            }
            var insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                var content = content(chunk.get(i));
                var contentHash = AuditChain.contentHash(content);
                seq++;
                previous = AuditChain.chainHash(previous, seq, contentHash);
                int p = i * 4;
                insert.setParameter(p + 1, seq).setParameter(p + 2, content.auditId())
                        .setParameter(p + 3, contentHash).setParameter(p + 4, previous);
            }
            insert.setParameter(chunk.size() * 4 + 1, now).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM audit_unsealed WHERE audit_id IN (SELECT audit_id FROM audit_seal "
                + "WHERE seal_seq >= ?1)").setParameter(1, firstNew).executeUpdate();
        return rows.size();
    }

    /**
     * Recomputes every seal from the records as they are now, in chain order, and reports the
     * first that does not match. Audited.
     */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditVerification verify(String actor) {
        var result = check();
        audit.record(new AuditEntry(AuditEntry.ACTOR_USER, actor, "audit.verified", result.intact() ? "intact"
                : "broken", "audit-chain", String.valueOf(result.verifiedUpTo()), null, null, null,
                result.intact() ? Map.of("headHash", String.valueOf(result.headHash()))
                        : Map.of("firstBrokenSeal", String.valueOf(result.firstBrokenSeal()),
                                "problem", result.problem())));
        return result;
    }

    AuditVerification check() {
        long unsealed = ((Number) em.createNativeQuery("SELECT count(*) FROM audit_unsealed").getSingleResult())
                .longValue();
        var previous = AuditChain.GENESIS;
        long verified = 0;
        Long verifiedRecord = null;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT s.seal_seq, s.audit_id, s.content_hash, s.chain_hash, "
                    + CONTENT.replace("r.audit_id,", "r.audit_id AS record_id,") + " FROM audit_seal s "
                    + "LEFT JOIN audit_record r ON r.audit_id = s.audit_id WHERE s.seal_seq > ?1 "
                    + "ORDER BY s.seal_seq LIMIT " + VERIFY_BATCH).setParameter(1, verified).getResultList();
            for (var row : rows) {
                long seq = ((Number) row[0]).longValue();
                long auditId = ((Number) row[1]).longValue();
                String problem = null;
                byte[] chain = null;
                if (seq != verified + 1) {
                    problem = "seal " + (verified + 1) + " is missing";
                } else if (row[4] == null) {
                    problem = "audit record " + auditId + " is missing";
                } else {
                    var contentHash = AuditChain.contentHash(content(Arrays.copyOfRange(row, 4, row.length)));
                    chain = AuditChain.chainHash(previous, seq, contentHash);
                    if (!MessageDigest.isEqual(contentHash, (byte[]) row[2])) {
                        problem = "audit record " + auditId + " differs from what was sealed";
                    } else if (!MessageDigest.isEqual(chain, (byte[]) row[3])) {
                        problem = "the chain hash of seal " + seq + " does not follow from its predecessor";
                    }
                }
                if (problem != null) {
                    return new AuditVerification(false, verified, verifiedRecord, sealed(), unsealed, seq, auditId,
                            problem, verified == 0 ? null : HexFormat.of().formatHex(previous), clock.instant());
                }
                previous = chain;
                verified = seq;
                verifiedRecord = auditId;
            }
            if (rows.size() < VERIFY_BATCH) {
                break;
            }
        }
        return new AuditVerification(true, verified, verifiedRecord, verified, unsealed, null, null, null,
                verified == 0 ? null : HexFormat.of().formatHex(previous), clock.instant());
    }

    long sealed() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM audit_seal").getSingleResult()).longValue();
    }

    static AuditChain.Content content(Object[] r) {
        return new AuditChain.Content(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                (String) r[9], (String) r[10], (String) r[11]);
    }
}
