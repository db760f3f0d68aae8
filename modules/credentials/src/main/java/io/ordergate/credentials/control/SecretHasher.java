package io.ordergate.credentials.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) of generated, high-entropy secrets. A slow KDF protects guessable
 * passwords; these secrets have 256 bits of entropy, so a keyed hash is as safe and costs
 * microseconds, which keeps thousands of webhook authentications per second possible.
 */
@ApplicationScoped
public class SecretHasher {

    static final String LABEL = "ordergate:scayle-credential-hmac:v1";

    @Inject
    MasterKey masterKey;

    private SecretKeySpec key;

    public SecretHasher() {}

    SecretHasher(byte[] derivedKey) {
        this.key = new SecretKeySpec(derivedKey, "HmacSHA256");
    }

    @PostConstruct
    void init() {
        key = new SecretKeySpec(masterKey.derive(LABEL), "HmacSHA256");
    }

    public byte[] hash(String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public boolean matches(String presented, byte[] storedHash) {
        return MessageDigest.isEqual(hash(presented), storedHash);
    }
}
