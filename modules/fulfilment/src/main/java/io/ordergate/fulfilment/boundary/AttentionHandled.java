package io.ordergate.fulfilment.boundary;

import java.time.Instant;

/** Staff marked an order's attention flag as handled: the flag's text, their note, who and when. */
public record AttentionHandled(String orderId, String attention, String note, String handledBy, Instant handledAt) {}
