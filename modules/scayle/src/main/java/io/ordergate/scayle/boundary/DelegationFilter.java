package io.ordergate.scayle.boundary;

import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.LowerCaseEnum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Filters of the delegation list; null means "any". {@code from} inclusive, {@code to}
 * exclusive. {@code text} finds a delegation by the exact value of its reference, its order
 * reference, an item's SKU or (ignoring case) the customer's e-mail: each an indexed lookup,
 * so it stays fast at millions of orders.
 */
public record DelegationFilter(
        String merchantKey,
        String referenceKey,
        DelegationStatus status,
        Boolean conflict,
        Instant from,
        Instant to,
        String text) {

    public DelegationFilter(
            String merchantKey,
            String referenceKey,
            DelegationStatus status,
            Boolean conflict,
            Instant from,
            Instant to) {
        this(merchantKey, referenceKey, status, conflict, from, to, null);
    }

    /**
     * As list reads are audited: the free text (often a customer's e-mail) only as
     * {@code sha256:} and its hash, since audit records are kept for good. An auditor who knows
     * what was searched for can still find the read by hashing it.
     */
    @Override
    public String toString() {
        return "Filter[merchantKey=" + merchantKey + ", referenceKey=" + referenceKey + ", status="
                + LowerCaseEnum.wire(status) + ", conflict=" + conflict + ", from=" + from + ", to=" + to + ", text="
                + (text == null ? null : "sha256:" + Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8)))
                + "]";
    }
}
