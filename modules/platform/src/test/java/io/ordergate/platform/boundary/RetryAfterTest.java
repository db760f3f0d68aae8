package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void delaySecondsAreTheWait() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("007", NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void surroundingWhitespaceIsAllowed() {
        assertThat(RetryAfter.parse("  30\t", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" Wed, 21 Oct 2015 07:29:00 GMT ", NOW)).contains(Duration.ofMinutes(1));
    }

    @Test
    void aFutureDateIsTheTimeUntilThen() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 08:28:00 GMT", NOW)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void theObsoleteDateFormsAreRead() {
        assertThat(RetryAfter.parse("Wednesday, 21-Oct-15 07:38:00 GMT", NOW)).contains(Duration.ofMinutes(10));
        assertThat(RetryAfter.parse("Wed Oct 21 07:38:00 2015", NOW)).contains(Duration.ofMinutes(10));
        assertThat(RetryAfter.parse("Wed Oct  7 07:28:00 2015", NOW)).contains(Duration.ZERO);
    }

    @Test
    void aRfc850YearMoreThanFiftyYearsAheadIsInThePast() {
        // "94" is 1994 (2094 would be more than 50 years after 2015): long past, so no wait
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:27:59 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void waitsAreCappedAtADay() {
        assertThat(RetryAfter.parse("86400", NOW)).contains(Duration.ofHours(24));
        assertThat(RetryAfter.parse("86401", NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("31536000", NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Fri, 01 Jan 2016 00:00:00 GMT", NOW)).contains(RetryAfter.MAX);
    }

    @Test
    void garbageIsNoInstruction() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("   ", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("+5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("5 seconds", NOW)).isEmpty();
        assertThat(RetryAfter.parse("2015-10-21T08:28:00Z", NOW)).isEmpty();
        assertThat(RetryAfter.parse("Thu, 21 Oct 2015 08:28:00 GMT", NOW))
                .as("wrong weekday")
                .isEmpty();
        assertThat(RetryAfter.parse("Wed, 31 Feb 2015 08:28:00 GMT", NOW)).isEmpty();
        assertThat(RetryAfter.parse("\u0665", NOW)).as("a non-ASCII digit").isEmpty();
    }

    @Test
    void negativeNumbersAreNoInstruction() {
        assertThat(RetryAfter.parse("-1", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-86400", NOW)).isEmpty();
    }

    @Test
    void overflowingNumbersAreNoInstruction() {
        assertThat(RetryAfter.parse("9223372036854775807", NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("9223372036854775808", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1".repeat(400), NOW)).isEmpty();
    }
}
