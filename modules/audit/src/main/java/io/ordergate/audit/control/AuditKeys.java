package io.ordergate.audit.control;

import io.ordergate.platform.boundary.MasterKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The audit trail's keys, each derived from the master key for one purpose (see {@link AuditChain}). */
@ApplicationScoped
public class AuditKeys {

    @Inject
    MasterKeys masterKeys;

    private byte[] chain;
    private byte[] anchor;
    private byte[] checkpoint;

    public AuditKeys() {}

    /** For tests: the keys of {@code master}. */
    public AuditKeys(byte[] master) {
        derive(label -> MasterKeys.derive(master, label));
    }

    @PostConstruct
    void init() {
        derive(masterKeys::derive);
    }

    private void derive(java.util.function.Function<String, byte[]> keyFor) {
        chain = keyFor.apply(AuditChain.CHAIN_LABEL);
        anchor = keyFor.apply(AuditChain.ANCHOR_LABEL);
        checkpoint = keyFor.apply(AuditChain.CHECKPOINT_LABEL);
    }

    public byte[] chain() {
        return chain;
    }

    public byte[] anchor() {
        return anchor;
    }

    public byte[] checkpoint() {
        return checkpoint;
    }
}
