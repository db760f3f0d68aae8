package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class HashesTest {

    static byte[] canonical(String json) {
        return Hashes.canonicalJsonSha256(
                Json.createReader(new StringReader(json)).readValue());
    }

    @Test
    void formattingAndMemberOrderDoNotChangeTheCanonicalHash() {
        assertThat(canonical("{\"a\": 1, \"b\": {\"y\": [1, 2], \"x\": null}}"))
                .isEqualTo(canonical("{\"b\":{\"x\":null,\"y\":[1,2]},\"a\":1}"));
    }

    @Test
    void anyChangeOfContentChangesTheCanonicalHash() {
        var original = canonical("{\"a\": 1, \"items\": [1, 2]}");

        assertThat(canonical("{\"a\": 2, \"items\": [1, 2]}")).isNotEqualTo(original);
        assertThat(canonical("{\"a\": 1, \"items\": [2, 1]}")).isNotEqualTo(original);
        assertThat(canonical("{\"a\": \"1\", \"items\": [1, 2]}")).isNotEqualTo(original);
    }

    @Test
    void sha256HexIsTheKnownDigest() {
        assertThat(Hashes.sha256Hex("abc".getBytes()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
