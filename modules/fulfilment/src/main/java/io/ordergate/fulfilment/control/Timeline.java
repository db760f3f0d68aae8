package io.ordergate.fulfilment.control;

import io.ordergate.fulfilment.boundary.TimelineEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Merges an order's history from every side into one list by time. What happened at the same
 * instant (one transaction writes a report, its feed change and its outbound row with one clock
 * reading) is shown in the order it was caused: the platform's message, the report, the feed
 * change, the outbound row, then staff.
 */
public final class Timeline {

    static final Map<String, Integer> CAUSAL_ORDER = Map.of(
            TimelineEntry.SCAYLE, 0,
            TimelineEntry.SCALEPOINT, 0,
            TimelineEntry.REPORT, 1,
            TimelineEntry.FEED, 2,
            TimelineEntry.OUTBOUND, 3,
            TimelineEntry.STAFF, 4);

    private Timeline() {}

    /** Oldest first; entries without a time last; otherwise stable (each source's own order kept). */
    public static List<TimelineEntry> merge(List<TimelineEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(e -> CAUSAL_ORDER.getOrDefault(e.origin(), 5)))
                .toList();
    }
}
