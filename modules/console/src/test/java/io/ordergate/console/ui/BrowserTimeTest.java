package io.ordergate.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BrowserTimeTest {

    static final Instant AT = Instant.parse("2026-03-29T00:30:00Z");

    @Test
    void timesAreShownInTheBrowsersZoneIncludingSummerTime() {
        assertThat(BrowserTime.format(AT, ZoneId.of("Europe/Vienna"))).isEqualTo("2026-03-29 01:30:00");
        assertThat(BrowserTime.format(AT.plusSeconds(3600), ZoneId.of("Europe/Vienna")))
                .isEqualTo("2026-03-29 03:30:00");
        assertThat(BrowserTime.format(AT, ZoneId.of("Asia/Tokyo"))).isEqualTo("2026-03-29 09:30:00");
        assertThat(BrowserTime.format(null, ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void theHoverTextIsUtc() {
        assertThat(BrowserTime.utc(AT)).isEqualTo("2026-03-29 00:30:00 UTC");
    }

    @Test
    void anUnknownOrMissingZoneFallsBackToUtc() {
        assertThat(BrowserTime.zone("Mars/Olympus_Mons")).isEqualTo(ZoneOffset.UTC);
        assertThat(BrowserTime.zone(null)).isEqualTo(ZoneOffset.UTC);
        assertThat(BrowserTime.zone("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
    }
}
