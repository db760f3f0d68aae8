package io.ordergate.audit.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The arithmetic of the audit hash chain, shared by the sealer and the verifier so that they can
 * never disagree. A record's content is every column, each length-prefixed (so that no two
 * different records encode alike, and a null differs from an empty string), hashed with SHA-256;
 * the chain hash of seal n is SHA-256(chain hash of seal n-1 | n | content hash), starting from 32
 * zero bytes.
 */
public final class AuditChain {

    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    /** The columns of an audit record, as stored. {@code occurredAtMicros}: microseconds since the epoch. */
    public record Content(long auditId, long occurredAtMicros, String actorType, String actor, String action,
            String outcome, String subjectType, String subjectKey, String source, String requestId,
            String payloadRef, String detail) {
    }

    public static byte[] contentHash(Content c) {
        var out = new ByteArrayOutputStream(256);
        out.writeBytes(ByteBuffer.allocate(16).putLong(c.auditId()).putLong(c.occurredAtMicros()).array());
        for (var field : new String[] {c.actorType(), c.actor(), c.action(), c.outcome(), c.subjectType(),
                c.subjectKey(), c.source(), c.requestId(), c.payloadRef(), c.detail()}) {
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

    public static byte[] chainHash(byte[] previous, long sealSeq, byte[] contentHash) {
        return sha256(ByteBuffer.allocate(previous.length + 8 + contentHash.length).put(previous).putLong(sealSeq)
                .put(contentHash).array());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
