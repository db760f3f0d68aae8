package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnavailableTest {

    @Test
    void aDatabaseFailureAnywhereInTheCauseChainIsAStorageFailure() {
        var wrapped = new RuntimeException("ejb", new IllegalStateException("jpa", new SQLException("refused")));

        assertThat(Unavailable.isStorageFailure(wrapped)).isTrue();
    }

    @Test
    void aProgrammingErrorIsNot() {
        assertThat(Unavailable.isStorageFailure(new NullPointerException())).isFalse();
        assertThat(Unavailable.isStorageFailure(new IllegalArgumentException("x", new ArithmeticException())))
                .isFalse();
    }

    @Test
    void theProblemIsA503WithRetryAfter() {
        var problem = Unavailable.problem();

        assertThat(problem.problem().status()).isEqualTo(503);
        assertThat(problem.headers()).containsKey("Retry-After");
        assertThat(problem.problem().toJson()).contains("\"status\":503").doesNotContain("Exception");
    }
}
