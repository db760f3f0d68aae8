package io.ordergate.audit.boundary;

import io.ordergate.audit.control.AuditChain;
import io.ordergate.audit.control.AuditKeys;
import io.ordergate.audit.control.ChainCheck;
import io.ordergate.audit.control.SealStore;
import io.ordergate.platform.boundary.ProblemException;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Seals the audit trail into a keyed hash chain, verifies it, and issues signed checkpoints of it.
 * Sealing runs apart from ingest (a record only queues itself, in its own transaction, by a
 * trigger), one sealer at a time across all nodes (a transaction-scoped advisory lock; the
 * gap-free {@code seal_seq} primary key would refuse a fork anyway).
 */
@Stateless
@DenyAll
public class AuditSeals {

    static final Logger LOG = Logger.getLogger(AuditSeals.class.getName());
    static final int VERIFY_BATCH = 5000;
    static final int UNQUEUED_IDS = 20;
    /** Once per node is enough: the sealer asks every second. */
    static volatile boolean missingAnchorLogged;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    AuditKeys keys;

    @Inject
    Clock clock;

    /**
     * Seals up to {@code max} committed, unsealed records in one transaction. The first run after
     * V0014 first writes the anchor: how far the plain seals made before go.
     *
     * @return how many were sealed; 0 also when another node is sealing right now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @PermitAll
    public int sealBatch(int max) {
        var store = new SealStore(em);
        if (!store.lockSealer()) {
            return 0;
        }
        var head = store.head();
        anchorOnce(store, head);
        var records = store.unsealed(max);
        if (records.isEmpty()) {
            return 0;
        }
        long seq = head == null ? 0 : head.sealSeq();
        var previous = head == null ? AuditChain.GENESIS : head.chainHash();
        var seals = new ArrayList<SealStore.NewSeal>(records.size());
        for (var content : records) {
            var contentHash = AuditChain.contentHash(content);
            seq++;
            previous = AuditChain.keyedChainHash(keys.chain(), previous, seq, contentHash);
            seals.add(new SealStore.NewSeal(seq, content.auditId(), contentHash, previous));
        }
        store.insertKeyed(seals, clock.instant());
        return records.size();
    }

    /**
     * Writes the anchor when there is none and no seal is keyed yet: every seal so far is a plain
     * one from before V0014, and from now on every seal is keyed. Without an anchor but with keyed
     * seals somebody removed it; the verification says so, nothing here papers over it.
     */
    void anchorOnce(SealStore store, SealStore.Head head) {
        if (store.anchor() != null) {
            return;
        }
        if (store.anyKeyedSeal()) {
            if (!missingAnchorLogged) {
                missingAnchorLogged = true;
                LOG.severe("The audit chain has keyed seals but no anchor (audit_chain_anchor): it was removed. "
                        + "Verification reports the chain as broken.");
            }
            return;
        }
        long plainUpTo = head == null ? 0 : head.sealSeq();
        var plainHead = head == null ? AuditChain.GENESIS : head.chainHash();
        store.insertAnchor(new SealStore.Anchor(plainUpTo, plainHead,
                AuditChain.anchorMac(keys.anchor(), plainUpTo, plainHead), clock.instant()));
        audit.record(new AuditEntry(AuditEntry.ACTOR_SYSTEM, "audit-sealer", "audit.chain.keyed", "done",
                "audit-chain", String.valueOf(plainUpTo + 1), null, null, null,
                Map.of("plainUpTo", String.valueOf(plainUpTo))));
    }

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
        audit.record(new AuditEntry(AuditEntry.ACTOR_USER, actor, "audit.verified", result.intact() ? "intact"
                : "broken", "audit-chain", String.valueOf(result.verifiedUpTo()), null, null, null, detail));
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
            throw new ProblemException(409, "Conflict", "The audit chain does not verify (" + result.problem()
                    + "); no checkpoint is issued for it.");
        }
        if (result.verifiedUpTo() == 0) {
            throw new ProblemException(409, "Conflict", "Nothing is sealed yet; try again in a moment.");
        }
        var issuedAt = clock.instant().toString();
        var mac = AuditChain.checkpointMac(keys.checkpoint(), result.verifiedUpTo(), result.verifiedUpToRecord(),
                result.headHash(), issuedAt);
        var checkpoint = new AuditCheckpoint(AuditChain.CHECKPOINT_FORMAT, result.verifiedUpTo(),
                result.verifiedUpToRecord(), result.headHash(), issuedAt, HexFormat.of().formatHex(mac));
        audit.record(new AuditEntry(AuditEntry.ACTOR_USER, actor, "audit.checkpoint.issued", "done", "audit-chain",
                String.valueOf(checkpoint.sealSeq()), null, null, null, Map.of("headHash", checkpoint.headHash(),
                        "issuedAt", issuedAt)));
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
        var expected = AuditChain.checkpointMac(keys.checkpoint(), checkpoint.sealSeq(), checkpoint.auditId(),
                checkpoint.headHash(), checkpoint.issuedAt());
        if (!AuditChain.CHECKPOINT_FORMAT.equals(checkpoint.format()) || !MessageDigest.isEqual(expected, mac)) {
            throw new ProblemException(400, "Bad Request", "The checkpoint's mac does not verify: it was altered, "
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
        return new AuditVerification(problem == null, walk.verified(), walk.verifiedRecord(),
                walk.intact() ? walk.verified() : store.sealedCount(), unsealed, walk.brokenSeal(),
                walk.brokenRecord(), problem, walk.headHash(), clock.instant(),
                anchor == null ? null : anchor.plainUpTo() + 1, unqueued.count(), unqueued.firstIds(),
                checkpoint == null ? null : checkpoint.sealSeq(),
                checkpoint == null ? null : walk.checkpointReached());
    }
}
