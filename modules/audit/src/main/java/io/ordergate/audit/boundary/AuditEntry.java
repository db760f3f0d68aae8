package io.ordergate.audit.boundary;

import java.util.Map;

/**
 * What happened, by whom, to what. {@code detail} holds small, non-secret facts (reasons, hashes,
 * sizes) as strings; payloads stay where they are stored and are pointed to by {@code payloadRef}.
 */
public record AuditEntry(
        String actorType,
        String actor,
        String action,
        String outcome,
        String subjectType,
        String subjectKey,
        String source,
        String requestId,
        String payloadRef,
        Map<String, String> detail) {

    public static final String ACTOR_SCAYLE = "scayle";
    public static final String ACTOR_USER = "user";
    public static final String ACTOR_SYSTEM = "system";
    public static final String ACTOR_ANONYMOUS = "anonymous";

    public AuditEntry {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    /** An action of a console or admin API user. */
    public static AuditEntry byUser(
            String username, String action, String subjectType, String subjectKey, Map<String, String> detail) {
        return new AuditEntry(ACTOR_USER, username, action, "done", subjectType, subjectKey, null, null, null, detail);
    }
}
