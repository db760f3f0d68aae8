package io.ordergate.fulfilment.boundary;

import java.time.Instant;

/**
 * A new signing secret of the feed's push, shown once.
 *
 * @param previousValidUntil until when the secret before it still signs (null when there was none)
 */
public record WebhookSecret(String secret, Instant previousValidUntil) {

    @Override
    public String toString() {
        return "WebhookSecret[secret=***, previousValidUntil=" + previousValidUntil + "]";
    }
}
