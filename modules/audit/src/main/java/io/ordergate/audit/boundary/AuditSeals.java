package io.ordergate.audit.boundary;

import io.ordergate.audit.control.AuditChain;
import io.ordergate.audit.control.AuditKeys;
import io.ordergate.audit.control.ChainCheck;
import io.ordergate.audit.control.SealStore;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * Verifies the audit trail's keyed hash chain and issues signed checkpoints of it. Sealing runs
 * apart from ingest (a record only queues itself, in its own transaction, by a trigger) in
 * {@code control}; this is what auditors ask of the chain.
 */
@Stateless
@DenyAll
public class AuditSeals {

    static final int VERIFY_BATCH = 5000;
    static final int UNQUEUED_IDS = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    AuditKeys keys;

    @Inject
    Clock clock;

    /** {@link #verify(String, AuditCheckpoint)} without a checkpoint. */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditVerification verify(String actor) {
        return verify(actor, null);
    }

    /**
     * Recomputes every seal from the records as they are now, in chain order, and reports the
     * first that does not match, and records that are neither sealed nor queued. With a
     * {@code checkpoint}, also whether the chain still reaches it. Audited.
     */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditVerification verify(String actor, AuditCheckpoint checkpoint) {
        var result = check(checkpoint == null ? null : authentic(checkpoint));
        var detail = new java.util.HashMap<String, String>();
        if (result.intact()) {
            detail.put("headHash", String.valueOf(result.headHash()));
        } else {
            detail.put("firstBrokenSeal", String.valueOf(result.firstBrokenSeal()));
            detail.put("problem", result.problem());
        }
        if (checkpoint != null) {
            detail.put("checkpointSeal", String.valueOf(checkpoint.sealSeq()));
        }
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_USER,
                actor,
                "audit.verified",
                result.intact() ? "intact" : "broken",
                "audit-chain",
                String.valueOf(result.verifiedUpTo()),
                null,
                null,
                null,
                detail));
        return result;
    }

    /**
     * Verifies the chain and, when it is intact, signs its head: a checkpoint to keep outside the
     * database. Audited.
     *
     * @throws ProblemException 409 when the chain does not verify or nothing is sealed yet
     */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditCheckpoint checkpoint(String actor) {
        var result = check(null);
        if (!result.intact()) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "The audit chain does not verify (" + result.problem() + "); no checkpoint is issued for it.");
        }
        if (result.verifiedUpTo() == 0) {
            throw new ProblemException(409, "Conflict", "Nothing is sealed yet; try again in a moment.");
        }
        var issuedAt = clock.instant().toString();
        var mac = AuditChain.checkpointMac(
                keys.checkpoint(), result.verifiedUpTo(), result.verifiedUpToRecord(), result.headHash(), issuedAt);
        var checkpoint = new AuditCheckpoint(
                AuditChain.CHECKPOINT_FORMAT,
                result.verifiedUpTo(),
                result.verifiedUpToRecord(),
                result.headHash(),
                issuedAt,
                HexFormat.of().formatHex(mac));
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_USER,
                actor,
                "audit.checkpoint.issued",
                "done",
                "audit-chain",
                String.valueOf(checkpoint.sealSeq()),
                null,
                null,
                null,
                Map.of("headHash", checkpoint.headHash(), "issuedAt", issuedAt)));
        return checkpoint;
    }

    /** @throws ProblemException 400 unless the checkpoint was issued under this master key, unaltered */
    ChainCheck.Checkpoint authentic(AuditCheckpoint checkpoint) {
        byte[] head;
        byte[] mac;
        try {
            head = HexFormat.of().parseHex(checkpoint.headHash());
            mac = HexFormat.of().parseHex(checkpoint.mac());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", "headHash and mac of the checkpoint must be hex.");
        }
        var expected = AuditChain.checkpointMac(
                keys.checkpoint(),
                checkpoint.sealSeq(),
                checkpoint.auditId(),
                checkpoint.headHash(),
                checkpoint.issuedAt());
        if (!AuditChain.CHECKPOINT_FORMAT.equals(checkpoint.format()) || !MessageDigest.isEqual(expected, mac)) {
            throw new ProblemException(
                    400,
                    "Bad Request",
                    "The checkpoint's mac does not verify: it was altered, "
                            + "or it was not issued by this OrderGate (under this master key).");
        }
        return new ChainCheck.Checkpoint(checkpoint.sealSeq(), head, checkpoint.issuedAt());
    }

    AuditVerification check(ChainCheck.Checkpoint checkpoint) {
        var store = new SealStore(em);
        long unsealed = store.unsealedCount();
        var anchor = store.anchor();
        var walk = new ChainCheck(keys, anchor, checkpoint);
        long after = 0;
        while (true) {
            var seals = store.seals(after, VERIFY_BATCH);
            for (var seal : seals) {
                if (!walk.accept(seal)) {
                    break;
                }
            }
            if (!walk.intact() || seals.size() < VERIFY_BATCH) {
                break;
            }
            after = seals.get(seals.size() - 1).sealSeq();
        }
        walk.finish();
        var unqueued = store.unqueued(UNQUEUED_IDS);
        var problem = walk.problem();
        if (unqueued.count() > 0) {
            var lost = unqueued.count() + " audit record(s) are neither sealed nor queued for sealing (removed from "
                    + "audit_unsealed), the first: " + unqueued.firstIds();
            problem = problem == null ? lost : problem + "; " + lost;
        }
        return new AuditVerification(
                problem == null,
                walk.verified(),
                walk.verifiedRecord(),
                walk.intact() ? walk.verified() : store.sealedCount(),
                unsealed,
                walk.brokenSeal(),
                walk.brokenRecord(),
                problem,
                walk.headHash(),
                clock.instant(),
                anchor == null ? null : anchor.plainUpTo() + 1,
                unqueued.count(),
                unqueued.firstIds(),
                checkpoint == null ? null : checkpoint.sealSeq(),
                checkpoint == null ? null : walk.checkpointReached());
    }
}
