package io.ordergate.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionTimeoutTest {

    @Test
    void theTimeoutBecomesTheSessionsInactiveInterval() {
        assertThat(SessionTimeout.seconds(Duration.parse("PT30M"))).isEqualTo(1800);
        assertThat(SessionTimeout.seconds(Duration.ofMillis(200))).isEqualTo(1);
        assertThat(SessionTimeout.seconds(Duration.ofDays(100_000))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aTimeoutThatWouldNeverExpireIsRefused() {
        // the servlet API reads 0 or less as "never": a typo must not disable the timeout
        assertThatThrownBy(() -> SessionTimeout.seconds(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ordergate.console.session-timeout");
        assertThatThrownBy(() -> SessionTimeout.seconds(Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
