package io.ordergate.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The 256-bit master key from {@code ORDERGATE_MASTER_KEY} ({@code ordergate.master.key}) and
 * the keys derived from it. The master key itself is never used: each purpose gets its own key,
 * HMAC-SHA256(master, label), so that one purpose's key reveals nothing about another's.
 *
 * <p>It lives in the platform because two modules that must not depend on each other need it:
 * credentials (stored secrets) and the audit trail (its keyed chain), which sits below
 * credentials. {@link MasterKeyCheck} makes sure at startup that it is the key the database was
 * used with.
 */
@ApplicationScoped
public class MasterKeys {

    /** The label of the key under which the check value is computed; no other purpose uses it. */
    static final String CHECK_LABEL = "ordergate:master-key-check:v1";

    static final String CHECK_MESSAGE = "OrderGate master key check value";

    @Inject
    @ConfigProperty(name = "ordergate.master.key")
    Optional<String> configured;

    private byte[] key;

    @PostConstruct
    void load() {
        key = decode(configured.orElse(null));
    }

    /** @throws IllegalStateException with an operator-readable message when the key is missing or bad */
    public static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("ORDERGATE_MASTER_KEY is not set. OrderGate refuses to start without "
                    + "the key that protects stored secrets. Generate one with: head -c 32 /dev/urandom | base64");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ORDERGATE_MASTER_KEY is not valid base64.");
        }
        if (decoded.length != 32) {
            throw new IllegalStateException(
                    "ORDERGATE_MASTER_KEY must be 32 bytes (256 bits) encoded as base64; it has " + decoded.length
                            + " bytes.");
        }
        return decoded;
    }

    /** The key of one purpose; {@code label} names the purpose and its version. */
    public byte[] derive(String label) {
        return derive(key, label);
    }

    public static byte[] derive(byte[] master, String label) {
        return hmacSha256(master, label.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A value that tells this master key from any other without revealing anything about it: an
     * HMAC of a fixed message under a key of its own. Finding the key from it is as hard as
     * guessing 256 random bits.
     */
    public byte[] checkValue() {
        return checkValue(key);
    }

    static byte[] checkValue(byte[] master) {
        return hmacSha256(derive(master, CHECK_LABEL), CHECK_MESSAGE.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
