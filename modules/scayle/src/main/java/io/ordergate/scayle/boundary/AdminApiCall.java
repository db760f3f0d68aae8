package io.ordergate.scayle.boundary;

import java.time.Instant;

/**
 * One call OrderGate owes SCAYLE's Admin API, as staff see it: how often it was tried, the last
 * answer, SCAYLE's {@code errors[]} when it refused, and whether the last attempt was ambiguous.
 *
 * @param outcome {@code sent}, {@code found} (an ambiguous attempt had reached SCAYLE after all),
 *     {@code rejected}, or null while it is still to be sent
 * @param inDoubt an attempt may have reached SCAYLE without an answer: the next one reads the order first
 * @param errors SCAYLE's {@code errors[]} of the last refusal as JSON, or null
 */
public record AdminApiCall(
        String callKey,
        String kind,
        String merchantKey,
        String referenceKey,
        int attempts,
        boolean inDoubt,
        String outcome,
        Integer lastStatus,
        String lastError,
        String errors,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant doneAt) {}
