package io.ordergate.credentials.control;

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
 * The 256-bit master key from {@code ORDERGATE_MASTER_KEY}. It is never used directly: each purpose
 * gets its own key derived with HMAC-SHA256(master, label), so that one purpose's key reveals
 * nothing about another's.
 */
@ApplicationScoped
public class MasterKey {

    @Inject
    @ConfigProperty(name = "ordergate.master.key")
    Optional<String> configured;

    private byte[] key;

    @PostConstruct
    void load() {
        key = decode(configured.orElse(null));
    }

    /** @throws IllegalStateException with an operator-readable message when the key is missing or bad */
    static byte[] decode(String base64) {
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
            throw new IllegalStateException("ORDERGATE_MASTER_KEY must be 32 bytes (256 bits) encoded as base64; it has "
                    + decoded.length + " bytes.");
        }
        return decoded;
    }

    public byte[] derive(String label) {
        return derive(key, label);
    }

    static byte[] derive(byte[] master, String label) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
