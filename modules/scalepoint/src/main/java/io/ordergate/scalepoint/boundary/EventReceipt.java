package io.ordergate.scalepoint.boundary;

/**
 * What the events webhook answers once an event is stored. {@code duplicate}: seen before, nothing
 * new was stored or started. {@code orderToken} is set for order_created; {@code fetchQueued} when
 * this event queued the order's first fetch.
 */
public record EventReceipt(long eventId, boolean duplicate, String eventType, String orderToken, boolean fetchQueued) {}
