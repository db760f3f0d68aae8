package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void jsonContentTypesAreAccepted() {
        for (var type : new String[] {"application/json", "application/json; charset=UTF-8", "Application/JSON",
                "application/vnd.scayle+json"}) {
            assertThatCode(() -> RequestBodies.requireJson(type)).as(type).doesNotThrowAnyException();
        }
    }

    @Test
    void everythingElseIs415() {
        for (var type : new String[] {null, "", "text/plain", "application/x-www-form-urlencoded", "json", "/"}) {
            assertThatThrownBy(() -> RequestBodies.requireJson(type)).as(String.valueOf(type))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.problem().status()).isEqualTo(415));
        }
    }
}
