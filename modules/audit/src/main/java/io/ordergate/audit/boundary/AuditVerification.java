package io.ordergate.audit.boundary;

import java.time.Instant;

/**
 * What verifying the audit chain found. {@code intact}: every seal matched. {@code verifiedUpTo}
 * is the last seal (and {@code verifiedUpToRecord} its audit record) whose record and chain were
 * recomputed and matched; when not intact, {@code firstBrokenSeal} / {@code firstBrokenRecord} is
 * where it stopped and {@code problem} says what did not match. {@code headHash} is the chain hash
 * of the last verified seal: note it somewhere else, and a later verification proves the history
 * up to it was not rewritten.
 */
public record AuditVerification(boolean intact, long verifiedUpTo, Long verifiedUpToRecord, long sealedRecords,
        long unsealedRecords, Long firstBrokenSeal, Long firstBrokenRecord, String problem, String headHash,
        Instant verifiedAt) {
}
