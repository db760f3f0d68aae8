package io.ordergate.audit.control;

import io.ordergate.audit.boundary.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Seals committed audit records into the keyed hash chain, one sealer at a time across all nodes
 * (a transaction-scoped advisory lock; the gap-free {@code seal_seq} primary key would refuse a
 * fork anyway). Driven by {@link AuditSealer}.
 */
@Stateless
public class AuditSealing {

    static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());
    /** Once per node is enough: the sealer asks every second. */
    static volatile boolean missingAnchorLogged;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditRecords records;

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
    public int sealBatch(int max) {
        var store = new SealStore(em);
        if (!store.lockSealer()) {
            return 0;
        }
        var head = store.head();
        anchorOnce(store, head);
        var unsealed = store.unsealed(max);
        if (unsealed.isEmpty()) {
            return 0;
        }
        long seq = head == null ? 0 : head.sealSeq();
        var previous = head == null ? AuditChain.GENESIS : head.chainHash();
        var seals = new ArrayList<SealStore.NewSeal>(unsealed.size());
        for (var content : unsealed) {
            var contentHash = AuditChain.contentHash(content);
            seq++;
            previous = AuditChain.keyedChainHash(keys.chain(), previous, seq, contentHash);
            seals.add(new SealStore.NewSeal(seq, content.auditId(), contentHash, previous));
        }
        store.insertKeyed(seals, clock.instant());
        return unsealed.size();
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
        store.insertAnchor(new SealStore.Anchor(
                plainUpTo, plainHead, AuditChain.anchorMac(keys.anchor(), plainUpTo, plainHead), clock.instant()));
        records.append(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                "audit-sealer",
                "audit.chain.keyed",
                "done",
                "audit-chain",
                String.valueOf(plainUpTo + 1),
                null,
                null,
                null,
                Map.of("plainUpTo", String.valueOf(plainUpTo))));
    }
}
