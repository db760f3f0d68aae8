package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ordergate.platform.boundary.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Scalepoint events and Order Data from the wire: an event is parsed completely or refused with a
 * 400 problem (an {@code order_created} always carries a lower-case GUID order token); Order Data,
 * whatever its shape, is extracted tolerantly without throwing.
 *
 * <p>{@code JAZZER_FUZZ=1 ./mvnw test -pl modules/scalepoint -am -Dtest=EventFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes; {@code ./mvnw test} runs the seeds.
 */
class EventFuzzTest {

    static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @FuzzTest(maxDuration = "60s")
    void eventsAreParsedCompletelyOrRefusedWith400(byte[] body) {
        try {
            var event = EventParser.parse(body);
            assertThat(event.eventType()).isNotBlank();
            assertThat(event.dedupeKey()).isNotBlank();
            if (event.orderCreated() && event.supported()) {
                assertThat(event.orderToken()).matches(GUID);
            }
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().detail()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void orderDataIsExtractedFromAnyJsonWithoutThrowing(byte[] body) {
        var text = new String(body, StandardCharsets.UTF_8);
        try {
            var parsed = OrderDataParser.parse(text);
            assertThat(parsed).isNotNull();
            assertThat(parsed.lines()).isNotNull();
        } catch (IllegalArgumentException notJson) {
            // the documented refusal of text that is not JSON: the fetch handler records a malformed answer
            assertThat(notJson.getMessage()).startsWith("The Order Data response is not JSON");
        }
    }
}
