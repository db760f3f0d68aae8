package io.ordergate.credentials.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class VaultTest {

    static final byte[] SECRET = "the partner's client secret".getBytes(StandardCharsets.UTF_8);

    final Vault vault = new Vault(keys(new byte[32]));

    @Test
    void whatIsSealedOpensAgain() {
        var sealed = vault.seal("scalepoint-client-secret", SECRET);

        assertThat(sealed).hasSize(1 + 12 + SECRET.length + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(vault.open("scalepoint-client-secret", sealed)).isEqualTo(SECRET);
    }

    @Test
    void aFlippedByteAnywhereIsRejected() {
        var sealed = vault.seal("scalepoint-client-secret", SECRET);

        for (int i = 0; i < sealed.length; i++) {
            var altered = sealed.clone();
            altered[i] ^= 0x01;
            assertThatThrownBy(() -> vault.open("scalepoint-client-secret", altered))
                    .as("byte %d flipped", i)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot open sealed data")
                    .hasMessageNotContaining("the partner's client secret");
        }
    }

    @Test
    void truncatedDataIsRejected() {
        var sealed = vault.seal("scalepoint-client-secret", SECRET);

        for (int length = 0; length < sealed.length; length++) {
            var truncated = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> vault.open("scalepoint-client-secret", truncated))
                    .as("%d bytes", length)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anotherPurposeOrAnotherKeyCannotOpen() {
        var sealed = vault.seal("scalepoint-client-secret", SECRET);
        var otherMasterKey = new byte[32];
        otherMasterKey[0] = 1;

        assertThatThrownBy(() -> vault.open("scalepoint-private-key", sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered, or sealed for another purpose or with another master key");
        assertThatThrownBy(() -> new Vault(keys(otherMasterKey)).open("scalepoint-client-secret", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thePurposeIsBoundEvenWhenTwoPurposesShareAKey() {
        var sameKeyForAll = new Vault(purpose -> new byte[32]);
        var sealed = sameKeyForAll.seal("a", SECRET);

        assertThat(sameKeyForAll.open("a", sealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> sameKeyForAll.open("b", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoSealsOfTheSamePlaintextDiffer() {
        var first = vault.seal("p", SECRET);
        var second = vault.seal("p", SECRET);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(first, 1, 13)).as("nonce").isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
        assertThat(vault.open("p", first)).isEqualTo(vault.open("p", second));
    }

    @Test
    void anEmptyPlaintextWorks() {
        var sealed = vault.seal("p", new byte[0]);

        assertThat(sealed).hasSize(1 + 12 + 16);
        assertThat(vault.open("p", sealed)).isEmpty();
    }

    /** The same derivation as {@code MasterKey.derive("ordergate:vault:" + purpose)}. */
    static Function<String, byte[]> keys(byte[] master) {
        return purpose -> {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(master, "HmacSHA256"));
                return mac.doFinal((Vault.LABEL_PREFIX + purpose).getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
