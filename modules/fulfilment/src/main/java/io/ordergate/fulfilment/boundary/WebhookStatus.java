package io.ordergate.fulfilment.boundary;

import java.time.Instant;

/**
 * Where the feed's push stands.
 *
 * @param url the receiver ({@code ordergate.fulfilment.webhook-url}), null when the push is off
 * @param secretCreatedAt when the current signing secret was made, null before the first
 * @param pushedUpTo the last position the receiver took
 * @param attempts failed attempts at the next change, 0 while all is well
 * @param nextAttemptAt when the push tries again after a failure
 */
public record WebhookStatus(
        String url,
        Instant secretCreatedAt,
        long pushedUpTo,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError) {}
