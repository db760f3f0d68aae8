package io.ordergate.scayle.boundary;

import java.time.Instant;

/**
 * The SCAYLE Admin API connection was saved (fired synchronously, in the transaction that saves
 * it): calls that waited for it can be tried now.
 */
public record AdminApiConnected(Instant at) {}
