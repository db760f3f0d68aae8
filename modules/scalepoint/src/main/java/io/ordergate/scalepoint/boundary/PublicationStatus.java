package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.LowerCaseEnum;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

/**
 * Where an event we publish to Scalepoint stands: {@code pending} (queued, not tried yet),
 * {@code sent} (Scalepoint accepted it), {@code failing} (tried, retried later), {@code dead}
 * (refused for good, or the queue gave up). Lower case in JSON and in {@code sp_publication}.
 */
@JsonbTypeAdapter(PublicationStatus.Json.class)
public enum PublicationStatus {
    PENDING,
    SENT,
    FAILING,
    DEAD;

    public static final class Json extends LowerCaseEnum<PublicationStatus> {
        public Json() {
            super(PublicationStatus.class);
        }
    }
}
