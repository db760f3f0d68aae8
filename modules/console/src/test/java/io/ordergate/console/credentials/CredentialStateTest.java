package io.ordergate.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialStateTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void saysWhetherACredentialWorksAndUntilWhen() {
        assertThat(CredentialState.describe(null, null, NOW, Instant::toString)).isEqualTo("active");
        assertThat(CredentialState.describe(
                        NOW.plus(Duration.ofHours(47).plusMinutes(59)), null, NOW, Instant::toString))
                .isEqualTo("active until 2026-11-25T09:59:00Z (rotation grace, 47 h 59 min left)");
        assertThat(CredentialState.describe(NOW.minusSeconds(1), null, NOW, Instant::toString))
                .isEqualTo("expired 2026-11-23T09:59:59Z");
        assertThat(CredentialState.describe(NOW, null, NOW, Instant::toString)).startsWith("expired");
        // revoked wins over anything the expiry says
        assertThat(CredentialState.describe(NOW.plusSeconds(60), NOW.minusSeconds(60), NOW, Instant::toString))
                .isEqualTo("revoked 2026-11-23T09:59:00Z");
    }

    @Test
    void timeLeftAndGracePeriodsReadLikePeopleSayThem() {
        assertThat(CredentialState.left(Duration.ofSeconds(40))).isEqualTo("40 s");
        assertThat(CredentialState.left(Duration.ofMinutes(12).plusSeconds(5))).isEqualTo("12 min");
        assertThat(CredentialState.period(Duration.ofHours(48))).isEqualTo("48 h");
        assertThat(CredentialState.period(Duration.ofHours(54))).isEqualTo("54 h");
        assertThat(CredentialState.period(Duration.ofDays(3).plusHours(6))).isEqualTo("3 d 6 h");
        assertThat(CredentialState.period(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(CredentialState.period(Duration.ofMinutes(30))).isEqualTo("30 min");
        assertThat(CredentialState.period(Duration.ofSeconds(6))).isEqualTo("6 s");
    }
}
