package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasterKeysTest {

    static byte[] key(int first) {
        var key = new byte[32];
        key[0] = (byte) first;
        return key;
    }

    @Test
    void theCheckValueTellsKeysApartAndIsStable() {
        assertThat(MasterKeys.checkValue(key(1)))
                .hasSize(32)
                .isEqualTo(MasterKeys.checkValue(key(1)))
                .isNotEqualTo(MasterKeys.checkValue(key(2)));
    }

    @Test
    void theCheckValueIsNeitherTheKeyNorAnyKeyGivenOut() {
        var master = key(1);
        var check = MasterKeys.checkValue(master);

        assertThat(check).isNotEqualTo(master);
        assertThat(check).isNotEqualTo(MasterKeys.derive(master, MasterKeys.CHECK_LABEL));
        assertThat(check).isNotEqualTo(MasterKeys.derive(master, MasterKeys.CHECK_MESSAGE));
    }

    @Test
    void eachPurposeGetsItsOwnKey() {
        assertThat(MasterKeys.derive(key(1), "a"))
                .hasSize(32)
                .isNotEqualTo(MasterKeys.derive(key(1), "b"))
                .isEqualTo(MasterKeys.derive(key(1), "a"));
    }
}
