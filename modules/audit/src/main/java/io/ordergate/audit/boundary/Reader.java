package io.ordergate.audit.boundary;

import java.util.HashMap;
import java.util.Map;

/**
 * Who reads customer data, and through which door: the facade that reads records both with every
 * read ({@code channel} in the audit detail), whichever module's data it is.
 *
 * @param channel {@code console} or {@code api} (the admin API)
 */
public record Reader(String actor, String channel) {

    public static Reader adminApi(String actor) {
        return new Reader(actor, "api");
    }

    public static Reader console(String actor) {
        return new Reader(actor, "console");
    }

    /** The audit record of a listing: which filter, how many matched, by whom, through which door. */
    public AuditEntry listed(String action, String subjectType, Object filter, long total) {
        return AuditEntry.byUser(
                actor,
                action,
                subjectType,
                null,
                detail(Map.of("filter", filter.toString(), "total", String.valueOf(total))));
    }

    /** The audit detail of a read: {@code details} and the channel. */
    public Map<String, String> detail(Map<String, String> details) {
        var all = new HashMap<>(details);
        all.put("channel", channel);
        return Map.copyOf(all);
    }
}
