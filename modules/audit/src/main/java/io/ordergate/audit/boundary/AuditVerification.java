package io.ordergate.audit.boundary;

import java.time.Instant;
import java.util.List;

/**
 * What verifying the audit chain found. {@code intact}: every seal matched, no record is missing
 * from both the chain and the sealer's queue, and (when one was given) the chain still reaches the
 * checkpoint with its head hash. {@code verifiedUpTo} is the last seal (and
 * {@code verifiedUpToRecord} its audit record) whose record and link were recomputed and matched;
 * when the chain is broken, {@code firstBrokenSeal} / {@code firstBrokenRecord} is where it stopped
 * and {@code problem} says what did not match. {@code keyedFrom}: the first seal whose link is
 * keyed (earlier ones are plain SHA-256 seals from before V0014). {@code unqueuedRecords}: records
 * neither sealed nor waiting to be (deleted from {@code audit_unsealed}), with the first of their
 * ids. {@code checkpointSeal} / {@code checkpointReached}: the checkpoint verified against, null
 * without one. {@code headHash} is the chain hash of the last verified seal.
 */
public record AuditVerification(
        boolean intact,
        long verifiedUpTo,
        Long verifiedUpToRecord,
        long sealedRecords,
        long unsealedRecords,
        Long firstBrokenSeal,
        Long firstBrokenRecord,
        String problem,
        String headHash,
        Instant verifiedAt,
        Long keyedFrom,
        long unqueuedRecords,
        List<Long> unqueuedRecordIds,
        Long checkpointSeal,
        Boolean checkpointReached) {}
