package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void jsonContentTypesAreAccepted() {
        for (var type : new String[] {
            "application/json",
            "application/json; charset=UTF-8",
            "Application/JSON",
            "application/vnd.scayle+json",
            "application/json;charset=\"utf-8\"",
            "application/json ; v=1",
            "application/json;;;",
            "application/json; CHARSET=utf8",
            "application/json; a=\"quoted \\\" string\""
        }) {
            assertThatCode(() -> RequestBodies.requireJson(type)).as(type).doesNotThrowAnyException();
        }
    }

    @Test
    void everythingElseIs415() {
        for (var type : new String[] {
            null,
            "",
            "text/plain",
            "application/x-www-form-urlencoded",
            "json",
            "/",
            "application/",
            "/json",
            "application/json/extra",
            "application/+json",
            "*/*",
            "application/*",
            "application/json; charset",
            "application/json; =utf-8",
            "application/json; a=\"open",
            "application/json\u0000",
            "application/json; a=\u00e9"
        }) {
            assertThatThrownBy(() -> RequestBodies.requireJson(type))
                    .as(String.valueOf(type))
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(415));
        }
    }

    @Test
    void aCharsetOtherThanUtf8Is415() {
        for (var type : new String[] {
            "application/json; charset=latin1",
            "application/json; charset=utf-16",
            "application/json; charset=\"iso-8859-1\"",
            "application/json; charset=no-such-charset"
        }) {
            assertThatThrownBy(() -> RequestBodies.requireJson(type))
                    .as(type)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.problem().detail()).contains("UTF-8"));
        }
    }

    @Test
    void wellFormedMeansTheGrammarNotJson() {
        assertThat(RequestBodies.isWellFormedMediaType("text/plain; charset=latin1"))
                .isTrue();
        assertThat(RequestBodies.isWellFormedMediaType("json")).isFalse();
        assertThat(RequestBodies.isWellFormedMediaType("application/json;;;")).isTrue();
        assertThat(RequestBodies.isWellFormedMediaType("application/json; charset"))
                .isFalse();
    }
}
