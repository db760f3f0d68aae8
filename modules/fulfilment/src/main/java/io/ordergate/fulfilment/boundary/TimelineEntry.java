package io.ordergate.fulfilment.boundary;

import java.time.Instant;

/**
 * One thing that happened to an order, from whichever side it came.
 *
 * @param origin where it was recorded: {@code scayle} or {@code scalepoint} (the platform's side),
 *     {@code feed} (a change the warehouse reads), {@code report} (what the warehouse reported),
 *     {@code outbound} (what the platform must hear of a report) or {@code staff}
 * @param what a short name of the event, e.g. {@code delegation 201 created}, {@code order.updated v2}
 * @param detail more about it, or empty
 */
public record TimelineEntry(Instant at, String origin, String what, String detail) {

    public static final String SCAYLE = "scayle";
    public static final String SCALEPOINT = "scalepoint";
    public static final String FEED = "feed";
    public static final String REPORT = "report";
    public static final String OUTBOUND = "outbound";
    public static final String STAFF = "staff";
}
