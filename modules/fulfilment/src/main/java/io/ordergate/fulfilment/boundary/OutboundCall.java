package io.ordergate.fulfilment.boundary;

import java.time.Instant;

/**
 * What an order's platform must hear of one report, and how far it got: the {@code ful_outbound}
 * row ({@code status} {@code pending}, {@code sent} or {@code dead}) with, for SCAYLE, the call's
 * attempts, last answer and SCAYLE's {@code errors[]} (JSON) of a refusal; for Scalepoint, the
 * published event's attempts, the Event API's last answer and error ({@code errors} null,
 * {@code lastAttemptAt} only once it is sent).
 *
 * @param inDoubt the last attempt may have reached the platform unanswered: the next one checks first
 */
public record OutboundCall(
        long outboundId,
        String platform,
        String kind,
        String status,
        Instant createdAt,
        int attempts,
        Integer lastStatus,
        String lastError,
        String errors,
        boolean inDoubt,
        Instant lastAttemptAt) {}
