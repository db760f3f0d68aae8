package io.ordergate.fulfilment.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.fulfilment.boundary.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    static TimelineEntry at(Instant at, String origin, String what) {
        return new TimelineEntry(at, origin, what, "");
    }

    @Test
    void entriesFromEverySideAreMergedOldestFirst() {
        var merged = Timeline.merge(List.of(
                at(T.plusSeconds(60), TimelineEntry.REPORT, "shipment reported"),
                at(T, TimelineEntry.SCAYLE, "delegation delivered"),
                at(T.plusSeconds(1), TimelineEntry.FEED, "order.created v1"),
                at(T.plusSeconds(120), TimelineEntry.STAFF, "attention handled")));
        assertThat(merged)
                .extracting(TimelineEntry::what)
                .containsExactly("delegation delivered", "order.created v1", "shipment reported", "attention handled");
    }

    @Test
    void whatOneTransactionWroteAtOneInstantIsShownInTheOrderItWasCaused() {
        var merged = Timeline.merge(List.of(
                at(T, TimelineEntry.OUTBOUND, "shipment to scayle: pending"),
                at(T, TimelineEntry.FEED, "order.updated v2"),
                at(T, TimelineEntry.REPORT, "shipment reported")));
        assertThat(merged)
                .extracting(TimelineEntry::what)
                .containsExactly("shipment reported", "order.updated v2", "shipment to scayle: pending");
    }

    @Test
    void eachSourcesOwnOrderIsKeptAndUntimedEntriesGoLast() {
        var merged = Timeline.merge(List.of(
                at(null, TimelineEntry.SCALEPOINT, "fetch still running"),
                at(T, TimelineEntry.FEED, "order.created v1"),
                at(T, TimelineEntry.FEED, "order.updated v2")));
        assertThat(merged)
                .extracting(TimelineEntry::what)
                .containsExactly("order.created v1", "order.updated v2", "fetch still running");
    }
}
