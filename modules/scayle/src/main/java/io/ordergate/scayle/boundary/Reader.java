package io.ordergate.scayle.boundary;

import java.util.HashMap;
import java.util.Map;

/**
 * Who reads customer data, and through which door: the audit trail records both with every read.
 *
 * @param channel {@code console}, or null for the admin API
 */
public record Reader(String actor, String channel) {

    public static Reader adminApi(String actor) {
        return new Reader(actor, null);
    }

    public static Reader console(String actor) {
        return new Reader(actor, "console");
    }

    /** The audit detail of a read: {@code details} and, from the console, the channel. */
    Map<String, String> detail(Map<String, String> details) {
        var all = new HashMap<>(details);
        if (channel != null) {
            all.put("channel", channel);
        }
        return Map.copyOf(all);
    }
}
