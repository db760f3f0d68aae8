package io.ordergate.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationGraceTest {

    static Duration resolve(Map<String, Duration> configured) {
        return RotationGrace.resolve(key -> Optional.ofNullable(configured.get(key)));
    }

    @Test
    void theNewKeyWins() {
        assertThat(resolve(Map.of(RotationGrace.KEY, Duration.ofHours(1),
                RotationGrace.FORMER_KEY, Duration.ofHours(2)))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theFormerKeyStillWorksWhenTheNewOneIsNotSet() {
        assertThat(resolve(Map.of(RotationGrace.FORMER_KEY, Duration.ofHours(2)))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void withNeitherKeyTheGraceIsTwoDays() {
        assertThat(resolve(Map.of())).isEqualTo(Duration.ofHours(48));
    }
}
