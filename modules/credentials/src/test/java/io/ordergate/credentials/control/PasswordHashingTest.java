package io.ordergate.credentials.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void whenEveryTurnIsTakenACallerIsRefusedAfterTheWaitInsteadOfQueueing() {
        var hashing = new PasswordHashing();
        hashing.turns = new Semaphore(0);
        hashing.wait = Duration.ofMillis(20);

        assertThatThrownBy(() -> hashing.run(() -> "derived")).isInstanceOf(PasswordHashing.Busy.class);
    }
}
