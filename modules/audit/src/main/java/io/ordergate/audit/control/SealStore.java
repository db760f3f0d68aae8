package io.ordergate.audit.control;

import io.ordergate.audit.control.AuditChain.Content;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The SQL of sealing and verifying, as native queries of the caller's EntityManager (sealing needs
 * the transaction-scoped advisory lock on the same connection as its writes). Each query's columns
 * are read by name into a record right where they are selected.
 */
public record SealStore(EntityManager em) {

    /** Advisory lock key of the sealer ("OGAUDIT" as a number). */
    static final long SEALER_LOCK = 0x4F47_4155_4449_54L;

    static final int INSERT_ROWS = 100;
    static final String CONTENT = "r.audit_id AS record_id, "
            + "(extract(epoch FROM r.occurred_at) * 1000000)::bigint AS occurred_at_micros, r.actor_type, r.actor, "
            + "r.action, r.outcome, r.subject_type, r.subject_key, r.source, r.request_id, r.payload_ref, "
            + "r.detail::text AS detail";

    public record Head(long sealSeq, byte[] chainHash) {}

    public record Anchor(long plainUpTo, byte[] plainHead, byte[] mac, Instant createdAt) {}

    public record NewSeal(long sealSeq, long auditId, byte[] contentHash, byte[] chainHash) {}

    /** One seal with its record's content as stored now ({@code content} null when the record is gone). */
    public record Seal(
            long sealSeq, long auditId, String algorithm, byte[] contentHash, byte[] chainHash, Content content) {}

    /** Records neither sealed nor waiting for the sealer: how many, and the first ids. */
    public record Unqueued(long count, List<Long> firstIds) {}

    /** Whether this transaction may seal; false while another node's sealer holds the lock. */
    public boolean lockSealer() {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, SEALER_LOCK)
                .getSingleResult());
    }

    /** The last seal, or null before the first. */
    public Head head() {
        return SqlRow.first(em.createNativeQuery(
                        "SELECT seal_seq, chain_hash FROM audit_seal " + "ORDER BY seal_seq DESC LIMIT 1"))
                .map(row -> new Head(row.longValue("seal_seq"), row.bytes("chain_hash")))
                .orElse(null);
    }

    public List<Content> unsealed(int max) {
        return SqlRow.list(em.createNativeQuery("SELECT " + CONTENT + " FROM audit_unsealed u "
                        + "JOIN audit_record r USING (audit_id) ORDER BY r.audit_id LIMIT " + max))
                .stream()
                .map(SealStore::content)
                .toList();
    }

    /** Inserts keyed seals and takes their records off the queue. */
    public void insertKeyed(List<NewSeal> seals, Instant now) {
        var sealedAt = Timestamp.from(now);
        for (int start = 0; start < seals.size(); start += INSERT_ROWS) {
            var chunk = seals.subList(start, Math.min(seals.size(), start + INSERT_ROWS));
            var sql = new StringBuilder("INSERT INTO audit_seal (seal_seq, audit_id, content_hash, chain_hash, "
                    + "chain_algorithm, sealed_at) VALUES ");
            int shared = chunk.size() * 4;
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 4;
                sql.append(i == 0 ? "" : ", ")
                        .append("(?")
                        .append(p + 1)
                        .append(", ?")
                        .append(p + 2)
                        .append(", ?")
                        .append(p + 3)
                        .append(", ?")
                        .append(p + 4)
                        .append(", ?")
                        .append(shared + 1)
                        .append(", ?")
                        .append(shared + 2)
                        .append(")");
            }
            var insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                var seal = chunk.get(i);
                int p = i * 4;
                insert.setParameter(p + 1, seal.sealSeq())
                        .setParameter(p + 2, seal.auditId())
                        .setParameter(p + 3, seal.contentHash())
                        .setParameter(p + 4, seal.chainHash());
            }
            insert.setParameter(shared + 1, AuditChain.KEYED)
                    .setParameter(shared + 2, sealedAt)
                    .executeUpdate();
        }
        if (!seals.isEmpty()) {
            em.createNativeQuery("DELETE FROM audit_unsealed WHERE audit_id IN (SELECT audit_id FROM audit_seal "
                            + "WHERE seal_seq >= ?1)")
                    .setParameter(1, seals.get(0).sealSeq())
                    .executeUpdate();
        }
    }

    public Anchor anchor() {
        return SqlRow.first(em.createNativeQuery(
                        "SELECT plain_up_to, plain_head, mac, created_at " + "FROM audit_chain_anchor"))
                .map(row -> new Anchor(
                        row.longValue("plain_up_to"),
                        row.bytes("plain_head"),
                        row.bytes("mac"),
                        row.instant("created_at")))
                .orElse(null);
    }

    public void insertAnchor(Anchor anchor) {
        em.createNativeQuery("INSERT INTO audit_chain_anchor (anchor_id, plain_up_to, plain_head, mac, created_at) "
                        + "VALUES (1, ?1, ?2, ?3, ?4)")
                .setParameter(1, anchor.plainUpTo())
                .setParameter(2, anchor.plainHead())
                .setParameter(3, anchor.mac())
                .setParameter(4, Timestamp.from(anchor.createdAt()))
                .executeUpdate();
    }

    public boolean anyKeyedSeal() {
        return !em.createNativeQuery("SELECT 1 FROM audit_seal WHERE chain_algorithm <> ?1 LIMIT 1")
                .setParameter(1, AuditChain.PLAIN)
                .getResultList()
                .isEmpty();
    }

    /** Up to {@code limit} seals after {@code afterSeq}, in chain order, each with its record as it is now. */
    public List<Seal> seals(long afterSeq, int limit) {
        return SqlRow.list(em.createNativeQuery("SELECT s.seal_seq, s.audit_id, s.chain_algorithm, "
                                + "s.content_hash, s.chain_hash, " + CONTENT
                                + " FROM audit_seal s LEFT JOIN audit_record r ON r.audit_id = s.audit_id WHERE s.seal_seq > ?1 "
                                + "ORDER BY s.seal_seq LIMIT " + limit)
                        .setParameter(1, afterSeq))
                .stream()
                .map(row -> new Seal(
                        row.longValue("seal_seq"),
                        row.longValue("audit_id"),
                        row.string("chain_algorithm"),
                        row.bytes("content_hash"),
                        row.bytes("chain_hash"),
                        row.get("record_id") == null ? null : content(row)))
                .toList();
    }

    public long sealedCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM audit_seal").getSingleResult()).longValue();
    }

    public long unsealedCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM audit_unsealed")
                        .getSingleResult())
                .longValue();
    }

    /**
     * Records that are neither sealed nor queued: a record is queued by a trigger in its own
     * transaction and taken off the queue in the transaction that seals it, so one statement never
     * sees a record in neither place unless somebody deleted it from the queue.
     */
    public Unqueued unqueued(int firstIds) {
        var rows = SqlRow.list(em.createNativeQuery("SELECT r.audit_id, count(*) OVER () AS total "
                + "FROM audit_record r "
                + "WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = r.audit_id) "
                + "AND NOT EXISTS (SELECT 1 FROM audit_unsealed u WHERE u.audit_id = r.audit_id) "
                + "ORDER BY r.audit_id LIMIT " + firstIds));
        return new Unqueued(
                rows.isEmpty() ? 0 : rows.get(0).count("total"),
                rows.stream().map(row -> row.longValue("audit_id")).toList());
    }

    static Content content(SqlRow row) {
        return new Content(
                row.longValue("record_id"),
                row.longValue("occurred_at_micros"),
                row.string("actor_type"),
                row.string("actor"),
                row.string("action"),
                row.string("outcome"),
                row.string("subject_type"),
                row.string("subject_key"),
                row.string("source"),
                row.string("request_id"),
                row.string("payload_ref"),
                row.string("detail"));
    }
}
