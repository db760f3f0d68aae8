package io.ordergate.audit.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;

/** An audit record as auditors see it; {@code sealSeq} is its place in the hash chain, null until sealed. */
public record AuditView(
        long id,
        Instant occurredAt,
        String actorType,
        String actor,
        String action,
        String outcome,
        String subjectType,
        String subjectKey,
        String source,
        String requestId,
        String payloadRef,
        JsonObject detail,
        Long sealSeq) {}
