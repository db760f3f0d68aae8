package io.ordergate.audit.boundary;

import java.time.Instant;

/**
 * Which audit records to show; null or blank means "any". {@code actor}, {@code action},
 * {@code subjectType} and {@code subjectKey} match exactly, except that an {@code action} ending
 * in {@code *} matches by prefix (e.g. {@code scalepoint.*}); {@code from} is inclusive,
 * {@code to} exclusive.
 */
public record AuditFilter(
        String actor, String action, String outcome, String subjectType, String subjectKey, Instant from, Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
