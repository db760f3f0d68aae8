package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ordergate.platform.boundary.PartnerUnavailable;
import io.ordergate.platform.boundary.RateLimited;
import io.ordergate.scalepoint.control.CircuitWatch.Breaker;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

class CircuitWatchTest {

    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    static CircuitWatch watch(Map<String, String> settings) {
        var watch = new CircuitWatch();
        watch.config = (Config) Proxy.newProxyInstance(
                Config.class.getClassLoader(), new Class<?>[] {Config.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(settings.get((String) arguments[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        at(watch, T);
        return watch;
    }

    static void at(CircuitWatch watch, Instant now) {
        watch.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    static void fail(CircuitWatch watch, Breaker breaker) {
        catchThrowableOfType(
                PartnerUnavailable.class,
                () -> watch.call(breaker, () -> {
                    throw new PartnerUnavailable(503, "down", null, null);
                }));
    }

    static CircuitOpen refuse(CircuitWatch watch, Breaker breaker) {
        return catchThrowableOfType(
                CircuitOpen.class,
                () -> watch.call(breaker, () -> {
                    throw new CircuitBreakerOpenException();
                }));
    }

    @Test
    void aRefusedCallWaitsUntilTheLastFailurePlusTheBreakersDelay() {
        var watch = watch(Map.of());
        fail(watch, Breaker.ORDER_DATA);
        at(watch, T.plusSeconds(5));

        var refused = refuse(watch, Breaker.ORDER_DATA);

        // the annotation's 30 s, spread over a tenth of it
        assertThat(refused.until()).isBetween(T.plusSeconds(30), T.plusSeconds(33));
        assertThat(refused.getMessage())
                .startsWith("Waiting for the circuit breaker until 2026-12-07T10:00:3")
                .contains("Order Data failed repeatedly");
        assertThat(watch.openSince()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void theDelayIsResolvedAsFaultToleranceResolvesIt() {
        var watch = watch(Map.of(
                "CircuitBreaker/delay",
                "2000",
                ScalepointApi.class.getName() + "/requestToken/CircuitBreaker/delay",
                "5",
                ScalepointApi.class.getName() + "/requestToken/CircuitBreaker/delayUnit",
                "SECONDS"));

        assertThat(watch.delay(Breaker.ORDER_DATA)).isEqualTo(Duration.ofSeconds(2));
        assertThat(watch.delay(Breaker.TOKEN)).isEqualTo(Duration.ofSeconds(5));
        assertThat(watch(Map.of()).delay(Breaker.TOKEN)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aRefusalAfterTheDelayHasPassedAsksAgainSoon() {
        var watch = watch(Map.of());
        fail(watch, Breaker.EVENT_API);
        at(watch, T.plusSeconds(60));

        assertThat(refuse(watch, Breaker.EVENT_API).until()).isBetween(T.plusSeconds(61), T.plusSeconds(64));
    }

    @Test
    void eachBreakerIsWatchedOnItsOwn() {
        var watch = watch(Map.of());
        fail(watch, Breaker.TOKEN);
        at(watch, T.plusSeconds(20));

        assertThat(refuse(watch, Breaker.ORDER_DATA).until())
                .as("no Order Data failure seen: from now")
                .isBetween(T.plusSeconds(50), T.plusSeconds(53));
        assertThat(refuse(watch, Breaker.TOKEN).until()).isBetween(T.plusSeconds(21), T.plusSeconds(23));
    }

    @Test
    void anAnswerTheBreakerSkipsShowsItClosedAgain() {
        var watch = watch(Map.of());
        refuse(watch, Breaker.ORDER_DATA);
        assertThat(watch.openSince()).isEqualTo(T);

        catchThrowableOfType(
                RateLimited.class,
                () -> watch.call(Breaker.ORDER_DATA, () -> {
                    throw new RateLimited("slow down", Duration.ofSeconds(5));
                }));

        assertThat(watch.openSince()).isNull();
        refuse(watch, Breaker.ORDER_DATA);
        assertThat(watch.call(Breaker.ORDER_DATA, () -> "answer")).isEqualTo("answer");
        assertThat(watch.openSince()).isNull();
    }

    @Test
    void theRefreshSchedulePausesWhileTheBreakerRefusesAndFailuresAreFresh() {
        var watch = watch(Map.of());
        assertThat(watch.orderDataRefusing(T)).isFalse();
        fail(watch, Breaker.ORDER_DATA);
        // failures alone do not pause: the breaker has not refused a call yet
        assertThat(watch.orderDataRefusing(T)).isFalse();

        at(watch, T.plusSeconds(5));
        refuse(watch, Breaker.ORDER_DATA);
        assertThat(watch.orderDataRefusing(T.plusSeconds(5))).isTrue();
        // twice the delay of 30 s after the last failure or refusal
        assertThat(watch.orderDataRefusing(T.plusSeconds(64))).isTrue();
        assertThat(watch.orderDataRefusing(T.plusSeconds(66))).isFalse();

        // a half-open try that fails again keeps it paused
        at(watch, T.plusSeconds(40));
        fail(watch, Breaker.ORDER_DATA);
        assertThat(watch.orderDataRefusing(T.plusSeconds(99))).isTrue();

        // a call that gets through ends the pause at once
        watch.call(Breaker.ORDER_DATA, () -> "ok");
        assertThat(watch.orderDataRefusing(T.plusSeconds(41))).isFalse();
    }

    @Test
    void aShortBreakerDelayStillPausesTheScheduleForAMinute() {
        var watch = watch(Map.of("CircuitBreaker/delay", "2000"));
        fail(watch, Breaker.ORDER_DATA);
        refuse(watch, Breaker.ORDER_DATA);
        assertThat(watch.orderDataRefusing(T.plusSeconds(59))).isTrue();
        assertThat(watch.orderDataRefusing(T.plusSeconds(60))).isFalse();
    }
}
