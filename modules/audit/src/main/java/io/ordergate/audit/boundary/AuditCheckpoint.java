package io.ordergate.audit.boundary;

/**
 * A signed statement "the audit chain, verified intact, had the head hash {@code headHash} at seal
 * {@code sealSeq} (audit record {@code auditId}) at {@code issuedAt}". {@code mac} is an HMAC over
 * all of them under a key derived from the master key, so whoever controls the database cannot
 * forge one; kept outside the database, a checkpoint later proves that the history up to it was
 * neither rewritten nor cut off ({@code POST /api/admin/audit/verify} with the checkpoint as the
 * body).
 */
public record AuditCheckpoint(
        String format, long sealSeq, long auditId, String headHash, String issuedAt, String mac) {}
