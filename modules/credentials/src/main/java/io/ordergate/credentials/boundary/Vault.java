package io.ordergate.credentials.boundary;

import io.ordergate.credentials.control.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for secrets OrderGate must be able to read back (partner client secrets,
 * private keys), as opposed to secrets it only has to recognise, which are hashed instead.
 *
 * <p>AES-256-GCM with a key derived from the master key per purpose, and the purpose bound again as
 * associated data, so a value copied into another column or table cannot be opened there. The
 * format starts with a version byte so that a later algorithm or key rotation can tell old values
 * apart: {@code version (1) | nonce (12) | ciphertext | tag (16)}.
 */
@ApplicationScoped
public class Vault {

    static final byte VERSION = 1;
    static final String LABEL_PREFIX = "ordergate:vault:";
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MasterKey masterKey;

    private final Function<String, byte[]> keyForPurpose;

    public Vault() {
        this.keyForPurpose = purpose -> masterKey.derive(LABEL_PREFIX + purpose);
    }

    Vault(Function<String, byte[]> keyForPurpose) {
        this.keyForPurpose = Objects.requireNonNull(keyForPurpose, "keyForPurpose");
    }

    /** Encrypts; format: 1 version byte (1) + 12-byte random nonce + ciphertext+tag; the purpose is also the AAD. */
    public byte[] seal(String purpose, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext;
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, purpose, new GCMParameterSpec(TAG_BITS, nonce));
            ciphertext = cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is part of every JRE", e);
        }
        return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
                .put(VERSION)
                .put(nonce)
                .put(ciphertext)
                .array();
    }

    /**
     * @throws IllegalStateException (clear message, no secret in it) when the data was altered or sealed with another
     *         key/purpose
     */
    public byte[] open(String purpose, byte[] sealed) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < OVERHEAD) {
            throw new IllegalStateException("Cannot open sealed data for purpose '" + purpose + "': it is "
                    + sealed.length + " bytes long, shorter than the " + OVERHEAD + " bytes of any sealed value.");
        }
        if (sealed[0] != VERSION) {
            throw new IllegalStateException("Cannot open sealed data for purpose '" + purpose
                    + "': unknown format version " + sealed[0] + " (expected " + VERSION + ").");
        }
        try {
            var cipher = cipher(Cipher.DECRYPT_MODE, purpose, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Cannot open sealed data for purpose '" + purpose
                    + "': it was altered, or sealed for another purpose or with another master key.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is part of every JRE", e);
        }
    }

    private Cipher cipher(int mode, String purpose, GCMParameterSpec parameters) throws GeneralSecurityException {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A vault purpose must not be blank.");
        }
        var key = keyForPurpose.apply(purpose);
        if (key == null || key.length != 32) {
            throw new IllegalStateException("The vault needs a 256-bit key for purpose '" + purpose + "'.");
        }
        var cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), parameters);
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
