package io.ordergate.scayle.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.ProblemException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatesTest {

    @Test
    void aStatusFilterIsOneOfTheTwoWordsOrAny() {
        assertThat(DelegationStatus.ofFilter("acknowledged")).isEqualTo(DelegationStatus.ACKNOWLEDGED);
        assertThat(DelegationStatus.ofFilter("cancelled")).isEqualTo(DelegationStatus.CANCELLED);
        assertThat(DelegationStatus.ofFilter(null)).isNull();
        assertThat(DelegationStatus.ofFilter(" ")).isNull();
        for (var bad : new String[] {"ACKNOWLEDGED", "open", "cancelled "}) {
            assertThatThrownBy(() -> DelegationStatus.ofFilter(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().detail()).isEqualTo("status must be 'acknowledged' or 'cancelled'.");
                    });
        }
    }

    @Test
    void attemptOutcomesKeepTheWordsOfTheClaim() {
        assertThat(Arrays.stream(Claim.Outcome.values())
                        .map(o -> new Claim(o, null))
                        .map(DeliveryOutcome::of)
                        .map(LowerCaseEnum::wire))
                .containsExactly("created", "replayed", "conflict");
    }
}
