package io.ordergate.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    static String header(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheFirstColonSeparatesUserAndPassword() {
        assertThat(BasicCredentials.parse(header("scayle-1:pa:ss:word")))
                .contains(new BasicCredentials("scayle-1", "pa:ss:word"));
    }

    @Test
    void schemeIsCaseInsensitiveAndPasswordMayBeEmpty() {
        assertThat(BasicCredentials.parse("bAsIc " + header("u:").substring(6)))
                .contains(new BasicCredentials("u", ""));
    }

    @Test
    void unusableHeadersAreEmpty() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic")).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
        assertThat(BasicCredentials.parse(header("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse(header(":password-without-user"))).isEmpty();
    }

    @Test
    void controlCharactersMakeTheHeaderUnusable() {
        assertThat(BasicCredentials.parse(header("scayle\u0000-1:password"))).isEmpty();
        assertThat(BasicCredentials.parse(header("scayle-1:pass\nword"))).isEmpty();
        assertThat(BasicCredentials.parse(header("scayle-1:pass\u007fword"))).isEmpty();
    }

    @Test
    void theTextFormNeverShowsThePassword() {
        assertThat(new BasicCredentials("u", "secret").toString()).doesNotContain("secret");
    }
}
