package io.ordergate.scalepoint.boundary;

import java.util.List;

/**
 * What one tick of the refresh schedule did.
 *
 * @param skipped why it queued nothing: {@code off} (the schedule is off) or {@code circuit-open}
 *     (this node's Order Data circuit breaker refuses calls); null when it ran
 * @param orderTokens the due orders it took, each an interval further ahead now
 * @param queued how many fetches it queued (a fetch already waiting for an order is not doubled)
 */
public record RefreshTick(String skipped, List<String> orderTokens, int queued) {}
