package io.ordergate.scayle.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.platform.boundary.ProblemException;
import org.junit.jupiter.api.Test;

class WebhookGateTest {

    @Test
    void jsonContentTypesAreAccepted() {
        for (var type : new String[] {"application/json", "application/json; charset=UTF-8", "Application/JSON",
                "application/vnd.scayle+json"}) {
            assertThatCode(() -> WebhookGate.requireJson(type)).as(type).doesNotThrowAnyException();
        }
    }

    @Test
    void everythingElseIs415() {
        for (var type : new String[] {null, "", "text/plain", "application/x-www-form-urlencoded", "json", "/"}) {
            assertThatThrownBy(() -> WebhookGate.requireJson(type)).as(String.valueOf(type))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.problem().status()).isEqualTo(415));
        }
    }
}
