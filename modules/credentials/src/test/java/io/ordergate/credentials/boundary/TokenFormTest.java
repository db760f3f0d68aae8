package io.ordergate.credentials.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenFormTest {

    static byte[] bytes(String form) {
        return form.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parametersAreDecoded() {
        assertThat(TokenEndpoint.form(bytes("grant_type=client_credentials&client_secret=a%2Bb+c&scope=")))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_secret", "a+b c")
                .containsEntry("scope", "");
        assertThat(TokenEndpoint.form(new byte[0])).isEmpty();
    }

    @Test
    void aRepeatedParameterIsRefused() {
        assertThatThrownBy(() -> TokenEndpoint.form(bytes("grant_type=client_credentials&grant_type=password")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grant_type");
    }

    @Test
    void aBrokenEscapeIsRefused() {
        assertThatThrownBy(() -> TokenEndpoint.form(bytes("grant_type=client%ZZcredentials")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenEndpoint.form(bytes("grant_type=client_credentials%")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
