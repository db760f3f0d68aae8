package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneObjectWithWhitespaceAroundIsRead() {
        assertThat(StrictJson.object(bytes(" \n{\"a\": \"b\"}\n ")).getString("a"))
                .isEqualTo("b");
    }

    @Test
    void anythingAfterTheObjectIsRefused() {
        for (var json : new String[] {"{\"a\": 1}{\"a\": 1}", "{\"a\": 1} garbage", "{\"a\": 1},", "{\"a\": 1}]"}) {
            assertThatThrownBy(() -> StrictJson.object(bytes(json)))
                    .as(json)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }

    @Test
    void aNulInANameOrStringIsRefused() {
        for (var json :
                new String[] {"{\"a\": \"x\\u0000\"}", "{\"a\\u0000\": 1}", "{\"a\": [{\"b\": \"\\u0000\"}]}"}) {
            assertThatThrownBy(() -> StrictJson.object(bytes(json)))
                    .as(json)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.problem().detail())
                                    .isEqualTo("The request body contains a NUL character (\\u0000)."));
        }
    }

    @Test
    void aValueThatIsNoObjectIsNamedAsSuch() {
        assertThatThrownBy(() -> StrictJson.object(bytes("[1]")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().detail()).isEqualTo("The request body must be a JSON object."));
    }
}
