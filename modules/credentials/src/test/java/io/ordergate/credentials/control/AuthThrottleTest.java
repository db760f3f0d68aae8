package io.ordergate.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthThrottleTest {

    @AfterEach
    void forgetBlocks() {
        AuthThrottle.BLOCKED_UNTIL.clear();
    }

    @Test
    void ipv4CountsPerAddressAndIpv6PerSlash64() {
        assertThat(AuthThrottle.sourceKey("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AuthThrottle.sourceKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AuthThrottle.sourceKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(AuthThrottle.sourceKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(AuthThrottle.sourceKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AuthThrottle.sourceKey("not-an-address")).isEqualTo("not-an-address");
        assertThat(AuthThrottle.sourceKey(null)).isNull();
    }

    @Test
    void bucketsAreHashesWithoutTheUserInput() {
        var name = "x".repeat(5000);

        var bucket = AuthThrottle.bucket("user", "192.0.2.7", name);

        assertThat(bucket).matches("[0-9a-f]{64}").doesNotContain("xxxx");
        assertThat(AuthThrottle.bucket("user", "2001:db8:1:2::1", null))
                .isEqualTo(AuthThrottle.bucket("user", "2001:db8:1:2::beef", null))
                .isNotEqualTo(AuthThrottle.bucket("scayle", "2001:db8:1:2::1", null));
    }

    @Test
    void aFloodAcrossAWindowBoundaryIsBlockedAtTheLimit() {
        var windowStart = Instant.parse("2026-12-07T10:00:00Z");

        // 99 failures just before the boundary, the 100th just after: 100 within a minute
        assertThat(AuthThrottle.blockedUntil(1, 99, 100, windowStart)).contains(windowStart.plusSeconds(60));
        assertThat(AuthThrottle.blockedUntil(1, 98, 100, windowStart)).isEmpty();
    }

    @Test
    void aBlockLastsUntilTheTwoWindowsHoldLessThanTheLimit() {
        var windowStart = Instant.parse("2026-12-07T10:00:00Z");

        assertThat(AuthThrottle.blockedUntil(99, 0, 100, windowStart)).isEmpty();
        // the limit reached within this window: its failures still count in the next one
        assertThat(AuthThrottle.blockedUntil(100, 0, 100, windowStart)).contains(windowStart.plusSeconds(120));
        // with the previous window's help: the next window holds only this one's 50
        assertThat(AuthThrottle.blockedUntil(50, 50, 100, windowStart)).contains(windowStart.plusSeconds(60));
    }

    @Test
    void theBlockMapStaysBoundedAndDropsEndedBlocksFirst() {
        var now = Instant.parse("2026-12-07T10:00:30Z");
        AuthThrottle.block("ended", now.minusSeconds(1), now);
        for (int i = 0; i < AuthThrottle.MAX_BLOCKED * 2; i++) {
            AuthThrottle.block("bucket-" + i, now.plusSeconds(30), now);
        }

        assertThat(AuthThrottle.BLOCKED_UNTIL)
                .hasSizeLessThanOrEqualTo(AuthThrottle.MAX_BLOCKED)
                .doesNotContainKey("ended")
                .containsKey("bucket-" + (AuthThrottle.MAX_BLOCKED * 2 - 1));
    }
}
