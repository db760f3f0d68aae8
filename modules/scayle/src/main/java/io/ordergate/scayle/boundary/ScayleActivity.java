package io.ordergate.scayle.boundary;

/**
 * What SCAYLE sent since a moment: delegation deliveries that passed authentication and
 * validation ({@code deliveries}), of which new orders acknowledged ({@code acknowledged}),
 * redeliveries answered from the stored acknowledgement ({@code replayed}) and redeliveries with
 * different content ({@code conflicts}); and new cancellations.
 */
public record ScayleActivity(long deliveries, long acknowledged, long replayed, long conflicts, long cancellations) {}
