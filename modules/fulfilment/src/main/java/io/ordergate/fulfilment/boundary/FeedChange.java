package io.ordergate.fulfilment.boundary;

/**
 * One change in the order feed.
 *
 * @param kind {@code order.created}, {@code order.updated} or {@code order.cancelled}
 * @param document the order document as it was at this change (JSON, as served)
 */
public record FeedChange(long position, String kind, String document) {}
