package io.ordergate.credentials.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.credentials.control.AuthThrottle;
import io.ordergate.credentials.entity.UserAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserAuthenticationTest {

    /** Records what is counted; nothing is blocked. */
    static final class CountingThrottle extends AuthThrottle {

        final List<String> failed = new ArrayList<>();

        @Override
        public Optional<Duration> blocked(String scope, String source, String username) {
            return Optional.empty();
        }

        @Override
        public void failed(String scope, String source, String username) {
            failed.add(scope + " " + source + " " + username);
        }
    }

    @Test
    void aNameNoUserCanHaveIsRefusedWithoutLookupOrKeyDerivation() {
        // no EntityManager and no password hashing: touching either would fail the test
        var users = new UserAuthentication();
        var throttle = new CountingThrottle();
        users.throttle = throttle;

        for (var name : List.of("x".repeat(5000), "Admin", "a b", "ä", "-admin", "a")) {
            assertThatThrownBy(() -> users.authenticatePassword(name, "secret", "192.0.2.7"))
                    .isInstanceOfSatisfying(AuthenticationFailed.class, e -> {
                        assertThat(e.reason()).isEqualTo("invalid-user-name");
                        assertThat(e.username()).as("never the raw input").isNull();
                    });
        }
        assertThat(throttle.failed).hasSize(6).allMatch(entry -> entry.equals("user 192.0.2.7 null"));
    }

    @Test
    void possibleNamesFollowTheCreationRule() {
        assertThat(UserAccount.isPossibleName("admin")).isTrue();
        assertThat(UserAccount.isPossibleName("ops.team-1")).isTrue();
        assertThat(UserAccount.isPossibleName("a".repeat(64))).isTrue();
        assertThat(UserAccount.isPossibleName("a".repeat(65))).isFalse();
        assertThat(UserAccount.isPossibleName(null)).isFalse();
    }
}
