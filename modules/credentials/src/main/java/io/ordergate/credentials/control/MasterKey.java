package io.ordergate.credentials.control;

import io.ordergate.platform.boundary.MasterKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The keys credentials derive from the master key ({@code ORDERGATE_MASTER_KEY}), one per purpose.
 * Reading, checking and deriving live in the platform's {@link MasterKeys}, which the audit trail
 * uses as well; this names the credentials' use of it.
 */
@ApplicationScoped
public class MasterKey {

    @Inject
    MasterKeys keys;

    /** @throws IllegalStateException with an operator-readable message when the key is missing or bad */
    static byte[] decode(String base64) {
        return MasterKeys.decode(base64);
    }

    public byte[] derive(String label) {
        return keys.derive(label);
    }

    static byte[] derive(byte[] master, String label) {
        return MasterKeys.derive(master, label);
    }
}
