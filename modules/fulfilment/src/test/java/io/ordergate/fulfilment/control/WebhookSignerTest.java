package io.ordergate.fulfilment.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The example of the Standard Webhooks specification and its reference libraries. */
    @Test
    void signsAsTheStandardWebhooksExampleDoes() {
        var secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.signature(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aRotationSignsWithEverySecretAndANewSecretHasAFullKey() {
        var first = WebhookSigner.newSecret();
        var second = WebhookSigner.newSecret();
        var body = "{}".getBytes(StandardCharsets.UTF_8);

        var header = WebhookSigner.signature(List.of(first, second), "id", 1L, body);

        assertThat(header.split(" ")).hasSize(2).allMatch(signature -> signature.startsWith("v1,"));
        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(WebhookSigner.key(first)).hasSize(32);
    }
}
