package io.ordergate.scayle.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ordergate.platform.boundary.ProblemException;

/**
 * Whatever SCAYLE (or anybody) sends, parsing either yields a request with everything the
 * delegation and cancellation paths rely on, or refuses it with a 400 problem: never another
 * exception (which would become a 5xx) and never a half-valid request.
 *
 * <p>{@code ./mvnw test} runs the seeds in {@code src/test/resources/.../PayloadFuzzTestInputs} and
 * the findings kept there; {@code JAZZER_FUZZ=1 ./mvnw test -pl modules/scayle -am
 * -Dtest=PayloadFuzzTest -Dsurefire.failIfNoSpecifiedTests=false} fuzzes each method for its
 * {@code maxDuration}.
 */
class PayloadFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void delegationsAreParsedCompletelyOrRefusedWith400(byte[] body) {
        try {
            var order = DelegationParser.parse(body);
            assertThat(order.referenceKey()).isNotBlank();
            assertThat(order.fulfillingMerchantKey()).isNotBlank();
            assertThat(order.items()).isNotEmpty().allSatisfy(item -> {
                assertThat(item.referenceKey()).isNotBlank();
                assertThat(item.quantity()).isPositive();
            });
            assertThat(order.contentSha256()).hasSize(32);
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().detail()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void cancellationsAreParsedCompletelyOrRefusedWith400(byte[] body) {
        try {
            var cancellation = CancellationParser.parse(body);
            assertThat(cancellation.orderReferenceKey()).isNotBlank();
            assertThat(cancellation.merchantKey()).isNotBlank();
            assertThat(cancellation.warehouseIds()).isNotNull().doesNotContainNull();
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().detail()).isNotBlank();
        }
    }
}
