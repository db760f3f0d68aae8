package io.ordergate.audit.control;

import io.ordergate.audit.control.SealStore.Anchor;
import io.ordergate.audit.control.SealStore.Seal;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Walks the seals in chain order and recomputes each from its record as it is now; stops at the
 * first that does not match. Kept apart from the database so that every rule can be tested with
 * seals made up in memory:
 *
 * <ul>
 * <li>seal numbers run 1, 2, 3, ... without a gap, and every sealed record still exists;
 * <li>a keyed seal's content hash and HMAC link match;
 * <li>a plain (SHA-256) seal is accepted only up to the anchor's {@code plainUpTo}, and only when
 *     the anchor's MAC verifies, so that rewriting records and recomputing plain links "the old
 *     way" is found; the plain part must end in the hash the anchor recorded, and must not end
 *     early;
 * <li>with a checkpoint: the chain still reaches its seal, and has its head hash there.
 * </ul>
 */
public final class ChainCheck {

    /** A checkpoint whose MAC was verified: the chain had {@code headHash} at {@code sealSeq}. */
    public record Checkpoint(long sealSeq, byte[] headHash, String issuedAt) {}

    private final AuditKeys keys;
    private final Anchor anchor;
    private final boolean anchorValid;
    private final Checkpoint checkpoint;
    private byte[] previous = AuditChain.GENESIS;
    private long verified;
    private Long verifiedRecord;
    private String problem;
    private Long brokenSeal;
    private Long brokenRecord;
    private boolean checkpointReached;

    public ChainCheck(AuditKeys keys, Anchor anchor, Checkpoint checkpoint) {
        this.keys = keys;
        this.anchor = anchor;
        this.anchorValid = anchor != null
                && MessageDigest.isEqual(
                        anchor.mac(), AuditChain.anchorMac(keys.anchor(), anchor.plainUpTo(), anchor.plainHead()));
        this.checkpoint = checkpoint;
    }

    /** @return false once broken: the walk stops there */
    public boolean accept(Seal seal) {
        if (problem != null) {
            return false;
        }
        if (seal.sealSeq() != verified + 1) {
            return broken(verified + 1, null, "seal " + (verified + 1) + " is missing");
        }
        if (seal.content() == null) {
            return broken(seal, "audit record " + seal.auditId() + " is missing");
        }
        var contentHash = AuditChain.contentHash(seal.content());
        byte[] chain;
        if (AuditChain.KEYED.equals(seal.algorithm())) {
            chain = AuditChain.keyedChainHash(keys.chain(), previous, seal.sealSeq(), contentHash);
        } else if (AuditChain.PLAIN.equals(seal.algorithm())) {
            if (anchor == null) {
                return broken(
                        seal,
                        "seal " + seal.sealSeq() + " is an unkeyed (plain SHA-256) seal, but there is "
                                + "no anchor saying which seals were made before keyed sealing began");
            }
            if (!anchorValid) {
                return broken(
                        seal,
                        "the anchor saying which seals were made before keyed sealing began "
                                + "(audit_chain_anchor) does not verify under this master key");
            }
            if (seal.sealSeq() > anchor.plainUpTo()) {
                return broken(
                        seal,
                        "seal " + seal.sealSeq() + " is an unkeyed (plain SHA-256) seal, but every seal "
                                + "after seal " + anchor.plainUpTo() + " is keyed");
            }
            chain = AuditChain.chainHash(previous, seal.sealSeq(), contentHash);
        } else {
            return broken(seal, "seal " + seal.sealSeq() + " names an unknown algorithm");
        }
        if (!MessageDigest.isEqual(contentHash, seal.contentHash())) {
            return broken(seal, "audit record " + seal.auditId() + " differs from what was sealed");
        }
        if (!MessageDigest.isEqual(chain, seal.chainHash())) {
            return broken(
                    seal, "the chain hash of seal " + seal.sealSeq() + " does not follow from its " + "predecessor");
        }
        if (anchorValid && seal.sealSeq() == anchor.plainUpTo() && !MessageDigest.isEqual(chain, anchor.plainHead())) {
            return broken(seal, "the unkeyed seals do not end in the hash recorded when keyed sealing began");
        }
        if (checkpoint != null && seal.sealSeq() == checkpoint.sealSeq()) {
            if (!MessageDigest.isEqual(chain, checkpoint.headHash())) {
                return broken(
                        seal,
                        "seal " + seal.sealSeq() + " does not have the head hash of the checkpoint " + "issued at "
                                + checkpoint.issuedAt() + ": the history up to it was rewritten");
            }
            checkpointReached = true;
        }
        previous = chain;
        verified = seal.sealSeq();
        verifiedRecord = seal.auditId();
        return true;
    }

    private boolean broken(Seal seal, String what) {
        return broken(seal.sealSeq(), seal.auditId(), what);
    }

    private boolean broken(long seal, Long record, String what) {
        problem = what;
        brokenSeal = seal;
        brokenRecord = record;
        return false;
    }

    /** Called after the last seal: checks what the end of the chain must still reach. */
    public void finish() {
        if (problem != null) {
            return;
        }
        if (anchorValid && verified < anchor.plainUpTo()) {
            broken(
                    verified + 1,
                    null,
                    "the chain ends at seal " + verified + ", but the unkeyed seals ran up to " + "seal "
                            + anchor.plainUpTo() + ": seals were removed");
        } else if (anchor != null && !anchorValid) {
            broken(
                    verified + 1,
                    null,
                    "the anchor saying which seals were made before keyed sealing began "
                            + "(audit_chain_anchor) does not verify under this master key");
        } else if (checkpoint != null && verified < checkpoint.sealSeq()) {
            broken(
                    verified + 1,
                    null,
                    "the chain ends at seal " + verified + " and no longer reaches seal "
                            + checkpoint.sealSeq() + " of the checkpoint issued at " + checkpoint.issuedAt()
                            + ": seals were removed");
        }
    }

    public boolean intact() {
        return problem == null;
    }

    public long verified() {
        return verified;
    }

    public Long verifiedRecord() {
        return verifiedRecord;
    }

    public String problem() {
        return problem;
    }

    public Long brokenSeal() {
        return brokenSeal;
    }

    public Long brokenRecord() {
        return brokenRecord;
    }

    public boolean checkpointReached() {
        return checkpointReached;
    }

    /** The chain hash of the last verified seal, in hex; null before the first. */
    public String headHash() {
        return verified == 0 ? null : HexFormat.of().formatHex(previous);
    }
}
