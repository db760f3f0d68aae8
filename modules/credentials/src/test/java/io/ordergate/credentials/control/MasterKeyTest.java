package io.ordergate.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aMissingOrMalformedKeyStopsStartupWithAnOperatorReadableMessage() {
        assertThatThrownBy(() -> MasterKey.decode(null)).hasMessageContaining("ORDERGATE_MASTER_KEY is not set");
        assertThatThrownBy(() -> MasterKey.decode(" ")).hasMessageContaining("is not set");
        assertThatThrownBy(() -> MasterKey.decode("not base64!")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> MasterKey.decode(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("16 bytes");
    }

    @Test
    void eachPurposeGetsItsOwnKey() {
        var master = MasterKey.decode(KEY);

        assertThat(MasterKey.derive(master, "a")).hasSize(32).isNotEqualTo(MasterKey.derive(master, "b"));
        assertThat(MasterKey.derive(master, "a")).isEqualTo(MasterKey.derive(master, "a"));
    }

    @Test
    void secretHashesDependOnTheKeyAndMatchOnlyTheSecret() {
        var hasher = new SecretHasher(MasterKey.derive(MasterKey.decode(KEY), SecretHasher.LABEL));
        var other = new SecretHasher(MasterKey.derive(new byte[] {1, 2, 3}, SecretHasher.LABEL));
        var password = Secrets.password();

        var stored = hasher.hash(password);

        assertThat(hasher.matches(password, stored)).isTrue();
        assertThat(hasher.matches(password + "x", stored)).isFalse();
        assertThat(other.matches(password, stored)).isFalse();
    }

    @Test
    void generatedCredentialsAreUrlSafeAndUnique() {
        var password = Secrets.password();

        assertThat(password).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Secrets.password()).isNotEqualTo(password);
        assertThat(Secrets.username("scayle")).matches("scayle-[0-9a-f]{16}");
    }
}
