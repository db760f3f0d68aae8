package io.ordergate.audit.control;

import io.ordergate.platform.boundary.MasterKeys;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The arithmetic of the audit hash chain, shared by the sealer and the verifier so that they can
 * never disagree. A record's content is every column, each length-prefixed (so that no two
 * different records encode alike, and a null differs from an empty string), hashed with SHA-256;
 * the chain hash of seal n links it to seal n-1, starting from 32 zero bytes.
 *
 * <p>Two link algorithms, recorded per seal: {@link #KEYED} (every seal since V0014) is
 * HMAC-SHA256 under a key derived from the master key over (chain hash of seal n-1 | n | content
 * hash), so that whoever can rewrite the database but does not hold the master key cannot
 * recompute the chain after changing a record. {@link #PLAIN} (the seals made before) is
 * SHA-256 over the same bytes, which anybody can recompute; such seals are accepted only up to the
 * seal named in the keyed anchor written when keyed sealing began.
 */
public final class AuditChain {

    public static final byte[] GENESIS = new byte[32];
    /** Seals made before V0014: SHA-256 links. */
    public static final String PLAIN = "sha256";
    /** HMAC-SHA256 links under {@link #CHAIN_LABEL}. */
    public static final String KEYED = "hmac-sha256";
    /** Labels of the keys derived from the master key, one per purpose. */
    public static final String CHAIN_LABEL = "ordergate:audit-chain:v1";

    public static final String ANCHOR_LABEL = "ordergate:audit-anchor:v1";
    public static final String CHECKPOINT_LABEL = "ordergate:audit-checkpoint:v1";
    public static final String CHECKPOINT_FORMAT = "ordergate-audit-checkpoint/1";

    private AuditChain() {}

    /** The columns of an audit record, as stored. {@code occurredAtMicros}: microseconds since the epoch. */
    public record Content(
            long auditId,
            long occurredAtMicros,
            String actorType,
            String actor,
            String action,
            String outcome,
            String subjectType,
            String subjectKey,
            String source,
            String requestId,
            String payloadRef,
            String detail) {}

    public static byte[] contentHash(Content c) {
        var out = new ByteArrayOutputStream(256);
        out.writeBytes(ByteBuffer.allocate(16)
                .putLong(c.auditId())
                .putLong(c.occurredAtMicros())
                .array());
        for (var field : new String[] {
            c.actorType(),
            c.actor(),
            c.action(),
            c.outcome(),
            c.subjectType(),
            c.subjectKey(),
            c.source(),
            c.requestId(),
            c.payloadRef(),
            c.detail()
        }) {
            if (field == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                var bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return sha256(out.toByteArray());
    }

    /** The plain link of the seals made before V0014. */
    public static byte[] chainHash(byte[] previous, long sealSeq, byte[] contentHash) {
        return sha256(link(previous, sealSeq, contentHash));
    }

    /** The keyed link: {@code chainKey} is the master key's derivation for {@link #CHAIN_LABEL}. */
    public static byte[] keyedChainHash(byte[] chainKey, byte[] previous, long sealSeq, byte[] contentHash) {
        return MasterKeys.hmacSha256(chainKey, link(previous, sealSeq, contentHash));
    }

    static byte[] link(byte[] previous, long sealSeq, byte[] contentHash) {
        return ByteBuffer.allocate(previous.length + 8 + contentHash.length)
                .put(previous)
                .putLong(sealSeq)
                .put(contentHash)
                .array();
    }

    /**
     * The MAC of the anchor: "seals 1 to {@code plainUpTo} are plain and the last of them has the
     * chain hash {@code plainHead}; every later seal is keyed".
     */
    public static byte[] anchorMac(byte[] anchorKey, long plainUpTo, byte[] plainHead) {
        return MasterKeys.hmacSha256(
                anchorKey,
                ByteBuffer.allocate(8 + plainHead.length)
                        .putLong(plainUpTo)
                        .put(plainHead)
                        .array());
    }

    /**
     * The MAC of a checkpoint: the chain had {@code headHash} (hex) at seal {@code sealSeq}, the
     * seal of record {@code auditId}, when issued.
     */
    public static byte[] checkpointMac(
            byte[] checkpointKey, long sealSeq, long auditId, String headHash, String issuedAt) {
        return MasterKeys.hmacSha256(
                checkpointKey,
                (CHECKPOINT_FORMAT + "\n" + sealSeq + "\n" + auditId + "\n" + headHash + "\n" + issuedAt)
                        .getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
