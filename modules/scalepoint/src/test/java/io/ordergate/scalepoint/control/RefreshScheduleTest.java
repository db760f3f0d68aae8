package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class RefreshScheduleTest {

    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    static RefreshSchedule schedule(String interval, String closing) {
        var schedule = new RefreshSchedule();
        schedule.intervalSetting = Optional.ofNullable(interval);
        schedule.closingSetting = Optional.ofNullable(closing);
        schedule.batch = 100;
        schedule.tick = Duration.ofSeconds(30);
        schedule.read();
        return schedule;
    }

    @Test
    void theNextRefreshIsTheIntervalAfterTheFetchPlusUpToATenthOfIt() {
        var hour = Duration.ofHours(1);
        assertThat(RefreshSchedule.nextRefresh(hour, T, 0.0)).isEqualTo(T.plus(hour));
        assertThat(RefreshSchedule.nextRefresh(hour, T, 0.5))
                .isEqualTo(T.plus(hour).plusSeconds(180));
        assertThat(RefreshSchedule.nextRefresh(hour, T, 0.999999))
                .isBefore(T.plus(hour).plusSeconds(360));
    }

    @Test
    void ordersFetchedInTheSameInstantComeDueAtDifferentMoments() {
        var schedule = schedule("PT1H", "");
        var due = new HashSet<Instant>();
        for (int i = 0; i < 200; i++) {
            var next = schedule.nextRefresh(T);
            assertThat(next).isBetween(T.plus(Duration.ofHours(1)), T.plus(Duration.ofMinutes(66)));
            due.add(next);
        }
        // 200 orders over a window of 360,000 ms: nearly every one its own moment
        assertThat(due).hasSizeGreaterThan(190);
    }

    @Test
    void offOrAZeroIntervalSwitchesTheScheduleOff() {
        for (var off : new String[] {"off", "OFF", " off ", "PT0S", "", "  ", null}) {
            var schedule = schedule(off, "");
            assertThat(schedule.enabled()).as(off).isFalse();
            assertThat(schedule.nextRefresh(T)).as(off).isNull();
        }
        assertThat(schedule("PT15M", "").interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(RefreshSchedule.nextRefresh(
                        null, T, ThreadLocalRandom.current().nextDouble()))
                .isNull();
    }

    @Test
    void aBadIntervalFailsTheStartNamingTheKey() {
        assertThatThrownBy(() -> schedule("hourly", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ordergate.scalepoint.refresh-interval")
                .hasMessageContaining("hourly");
        assertThatThrownBy(() -> schedule("-PT1H", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void closingStatusesAreComparedIgnoringCaseAndBlanks() {
        var schedule = schedule("PT1H", "Cancelled, Closed ,,Rejected");
        assertThat(schedule.closingStatuses()).containsExactlyInAnyOrder("cancelled", "closed", "rejected");
        assertThat(schedule.closes("Cancelled")).isTrue();
        assertThat(schedule.closes(" CLOSED ")).isTrue();
        assertThat(schedule.closes("rejected")).isTrue();
        assertThat(schedule.closes("Created")).isFalse();
        assertThat(schedule.closes("Cancel")).isFalse();
        assertThat(schedule.closes(null)).isFalse();
        assertThat(schedule("PT1H", "").closes("Cancelled")).isFalse();
        assertThat(schedule("PT1H", null).closes("Cancelled")).isFalse();
    }
}
