package io.ordergate.scalepoint.boundary;

import java.time.Instant;

/**
 * A CDI event, fired in the transaction that stores a new version of an order's Order Data (the
 * first fetch, or a later one whose content differs); observers run in that transaction.
 *
 * @param orderToken lower case
 * @param announcedAt when Scalepoint announced the order to us
 * @param closes the version's status is one that closes the order
 *     ({@code ordergate.scalepoint.refresh-closing-statuses}): fulfilment stops for it
 */
public record OrderDataChanged(String orderToken, int version, OrderData data, Instant announcedAt, boolean closes) {}
