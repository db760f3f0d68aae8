package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class PartnerCallsTest {

    @Test
    void faultToleranceRefusalsAreNamedForStaff() {
        assertThat(PartnerCalls.describe(new CircuitBreakerOpenException("open")))
                .contains("circuit breaker open");
        assertThat(PartnerCalls.describe(new TimeoutException("x"))).isEqualTo("Scalepoint did not answer in time.");
    }

    @Test
    void ourOwnMessagesPassAndANamelessFailureGivesItsKind() {
        assertThat(PartnerCalls.describe(new NotConnected("Scalepoint is not connected")))
                .isEqualTo("Scalepoint is not connected");
        assertThat(PartnerCalls.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
