package io.ordergate.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.audit.control.AuditChain.Content;
import io.ordergate.audit.control.SealStore.Anchor;
import io.ordergate.audit.control.SealStore.Seal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    static final AuditKeys KEYS = new AuditKeys(new byte[32]);
    static final AuditKeys OTHER_KEYS = new AuditKeys(new byte[] {1, 2, 3});

    static Content record(long id, String actor) {
        return new Content(
                id,
                1_795_400_000_000_000L + id,
                "user",
                actor,
                "job.retried",
                "done",
                "job",
                "7",
                "10.0.0.1",
                null,
                null,
                "{}");
    }

    /** A chain as the sealer writes it: the first {@code plain} seals plain, the rest keyed. */
    static List<Seal> chain(int plain, int keyed) {
        var seals = new ArrayList<Seal>();
        var previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= plain + keyed; seq++) {
            var content = record(100 + seq, "admin");
            var contentHash = AuditChain.contentHash(content);
            var isPlain = seq <= plain;
            previous = isPlain
                    ? AuditChain.chainHash(previous, seq, contentHash)
                    : AuditChain.keyedChainHash(KEYS.chain(), previous, seq, contentHash);
            seals.add(new Seal(
                    seq,
                    content.auditId(),
                    isPlain ? AuditChain.PLAIN : AuditChain.KEYED,
                    contentHash,
                    previous,
                    content));
        }
        return seals;
    }

    static Anchor anchor(List<Seal> seals, int plainUpTo) {
        var head =
                plainUpTo == 0 ? AuditChain.GENESIS : seals.get(plainUpTo - 1).chainHash();
        return new Anchor(plainUpTo, head, AuditChain.anchorMac(KEYS.anchor(), plainUpTo, head), Instant.EPOCH);
    }

    static ChainCheck walk(List<Seal> seals, Anchor anchor, ChainCheck.Checkpoint checkpoint) {
        var check = new ChainCheck(KEYS, anchor, checkpoint);
        for (var seal : seals) {
            if (!check.accept(seal)) {
                break;
            }
        }
        check.finish();
        return check;
    }

    /** What a database owner without the master key can do: change a record, recompute plain links. */
    static List<Seal> rewrittenTheOldWay(List<Seal> seals, int victim) {
        var result = new ArrayList<Seal>();
        var previous = AuditChain.GENESIS;
        for (var seal : seals) {
            var content = seal.sealSeq() == victim ? record(seal.auditId(), "someone else") : seal.content();
            var contentHash = AuditChain.contentHash(content);
            previous = AuditChain.chainHash(previous, seal.sealSeq(), contentHash);
            result.add(new Seal(seal.sealSeq(), seal.auditId(), AuditChain.PLAIN, contentHash, previous, content));
        }
        return result;
    }

    @Test
    void aChainOfPlainSealsFollowedByKeyedOnesVerifies() {
        var seals = chain(3, 4);

        var check = walk(seals, anchor(seals, 3), null);

        assertThat(check.intact()).as(check.problem()).isTrue();
        assertThat(check.verified()).isEqualTo(7);
        assertThat(check.verifiedRecord()).isEqualTo(107);
    }

    @Test
    void aKeyedChainDoesNotVerifyUnderAnotherKey() {
        var seals = chain(0, 3);

        var check = new ChainCheck(OTHER_KEYS, null, null);

        assertThat(check.accept(seals.get(0))).isFalse();
        assertThat(check.problem()).contains("does not follow from its predecessor");
    }

    @Test
    void recomputingTheChainTheOldWayAfterAnEditIsFound() {
        var seals = chain(0, 5);
        var anchor = anchor(seals, 0);

        var check = walk(rewrittenTheOldWay(seals, 3), anchor, null);

        assertThat(check.intact()).isFalse();
        assertThat(check.brokenSeal()).isEqualTo(1);
        assertThat(check.problem()).contains("unkeyed").contains("every seal after seal 0 is keyed");
    }

    @Test
    void plainSealsWithoutAnAnchorOrWithAForgedOneAreRefused() {
        var rewritten = rewrittenTheOldWay(chain(0, 5), 3);
        var forged = new Anchor(5, rewritten.get(4).chainHash(), new byte[32], Instant.EPOCH);

        assertThat(walk(rewritten, null, null).problem()).contains("no anchor");
        assertThat(walk(rewritten, forged, null).problem()).contains("does not verify under this master key");
    }

    @Test
    void rewritingThePlainPartIsFoundByTheFirstKeyedLinkAndTheAnchor() {
        var seals = chain(3, 2);
        var anchor = anchor(seals, 3);
        var rewritten = new ArrayList<>(rewrittenTheOldWay(seals.subList(0, 3), 2));
        rewritten.addAll(seals.subList(3, 5));

        var check = walk(rewritten, anchor, null);

        assertThat(check.intact()).isFalse();
        assertThat(check.brokenSeal()).isEqualTo(3);
        assertThat(check.problem()).contains("do not end in the hash recorded");
    }

    @Test
    void anEditedRecordIsNamed() {
        var seals = new ArrayList<>(chain(0, 4));
        var victim = seals.get(2);
        seals.set(
                2,
                new Seal(
                        3,
                        victim.auditId(),
                        victim.algorithm(),
                        victim.contentHash(),
                        victim.chainHash(),
                        record(victim.auditId(), "admiX")));

        var check = walk(seals, anchor(seals, 0), null);

        assertThat(check.brokenSeal()).isEqualTo(3);
        assertThat(check.brokenRecord()).isEqualTo(victim.auditId());
        assertThat(check.verified()).isEqualTo(2);
        assertThat(check.problem()).contains("differs from what was sealed");
    }

    @Test
    void aCheckpointIsReachedOnlyByTheChainItWasIssuedFor() {
        var seals = chain(0, 6);
        var anchor = anchor(seals, 0);
        var checkpoint = new ChainCheck.Checkpoint(4, seals.get(3).chainHash(), "2026-12-07T09:00:00Z");

        var good = walk(seals, anchor, checkpoint);
        var cutOff = walk(seals.subList(0, 3), anchor, checkpoint);
        var otherHead = walk(seals, anchor, new ChainCheck.Checkpoint(4, new byte[32], "2026-12-07T09:00:00Z"));

        assertThat(good.intact()).isTrue();
        assertThat(good.checkpointReached()).isTrue();
        assertThat(cutOff.intact()).isFalse();
        assertThat(cutOff.problem()).contains("no longer reaches seal 4");
        assertThat(otherHead.intact()).isFalse();
        assertThat(otherHead.brokenSeal()).isEqualTo(4);
        assertThat(otherHead.problem()).contains("was rewritten");
    }

    @Test
    void plainSealsCutOffBeforeTheAnchorAreFound() {
        var seals = chain(4, 0);

        var check = walk(seals.subList(0, 2), anchor(seals, 4), null);

        assertThat(check.intact()).isFalse();
        assertThat(check.problem()).contains("seals were removed");
    }

    @Test
    void aMissingSealOrRecordIsNamed() {
        var seals = new ArrayList<>(chain(0, 4));
        seals.remove(1);
        var withoutRecord = new ArrayList<>(chain(0, 4));
        var gone = withoutRecord.get(1);
        withoutRecord.set(1, new Seal(2, gone.auditId(), gone.algorithm(), gone.contentHash(), gone.chainHash(), null));

        assertThat(walk(seals, anchor(seals, 0), null).problem()).isEqualTo("seal 2 is missing");
        assertThat(walk(withoutRecord, anchor(withoutRecord, 0), null).problem())
                .isEqualTo("audit record " + gone.auditId() + " is missing");
    }

    @Test
    void checkpointMacsBindEveryField() {
        var at = "2026-12-07T09:00:00Z";
        var mac = AuditChain.checkpointMac(KEYS.checkpoint(), 4, 104, "ab", at);

        assertThat(AuditChain.checkpointMac(KEYS.checkpoint(), 4, 104, "ab", at))
                .isEqualTo(mac);
        assertThat(AuditChain.checkpointMac(KEYS.checkpoint(), 5, 104, "ab", at))
                .isNotEqualTo(mac);
        assertThat(AuditChain.checkpointMac(KEYS.checkpoint(), 4, 105, "ab", at))
                .isNotEqualTo(mac);
        assertThat(AuditChain.checkpointMac(KEYS.checkpoint(), 4, 104, "ac", at))
                .isNotEqualTo(mac);
        assertThat(AuditChain.checkpointMac(KEYS.checkpoint(), 4, 104, "ab", "2026-12-07T09:00:01Z"))
                .isNotEqualTo(mac);
        assertThat(AuditChain.checkpointMac(OTHER_KEYS.checkpoint(), 4, 104, "ab", at))
                .isNotEqualTo(mac);
        assertThat(KEYS.chain()).isNotEqualTo(KEYS.anchor()).isNotEqualTo(KEYS.checkpoint());
    }
}
