package io.ordergate.scalepoint.control;

import io.ordergate.scalepoint.boundary.CaseInfo;
import java.time.Instant;

/**
 * A validated event from Scalepoint's Event API, from either shape (bare envelope or long-poll
 * wrapper). GUIDs are lower case.
 *
 * @param dedupeKey the event's identity: its id when it has one, else the hash of its normalised
 *     content; a redelivery (also one that only changes the case of a GUID) has the same key
 * @param supported false for a payload version other than 1.x: stored and flagged, not acted on
 */
public record ScalepointEvent(
        String dedupeKey,
        String eventType,
        String payloadVersion,
        boolean supported,
        String correlationId,
        Instant timestamp,
        String timestampRaw,
        String orderToken,
        CaseInfo caseInfo) {

    public static final String ORDER_CREATED = "order_created";

    public boolean orderCreated() {
        return ORDER_CREATED.equals(eventType);
    }
}
