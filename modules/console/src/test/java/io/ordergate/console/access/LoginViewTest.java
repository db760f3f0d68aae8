package io.ordergate.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginViewTest {

    @Test
    void aWrongPasswordDoesNotSayWhichPartWasWrong() {
        var error = LoginView.i18n(null).getErrorMessage();

        assertThat(error.getTitle()).isEqualTo("Incorrect user name or password");
    }

    @Test
    void aPausedLoginSaysHowLongToWait() {
        var error = LoginView.i18n(Duration.ofMillis(41_300)).getErrorMessage();

        assertThat(error.getTitle()).isEqualTo("Too many failed attempts");
        assertThat(error.getMessage()).contains("try again in 42 seconds");
    }
}
