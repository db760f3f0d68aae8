package io.ordergate.fulfilment.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the Standard Webhooks way (standardwebhooks.com): the signed content is
 * {@code id.timestamp.body}, the signature {@code v1,} and the Base64 of its HMAC-SHA256 under the
 * secret's key, a secret is {@code whsec_} and the Base64 of that key. Several secrets (during a
 * rotation) give several signatures, separated by spaces, in one header.
 */
public final class WebhookSigner {

    public static final String PREFIX = "whsec_";
    static final int KEY_BYTES = 32;
    static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {}

    /** A new secret as the receiver configures it. */
    public static String newSecret() {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header: one {@code v1,...} per secret. */
    public static String signature(List<String> secrets, String id, long timestamp, byte[] body) {
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
