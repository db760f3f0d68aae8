package io.ordergate.scayle.boundary;

import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.ProblemException;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

/**
 * Where a delegated order stands: acknowledged when received, cancelled once SCAYLE cancelled it.
 * Written as the lower-case word in JSON, in the database and in list filters.
 */
@JsonbTypeAdapter(DelegationStatus.Json.class)
public enum DelegationStatus {
    ACKNOWLEDGED,
    CANCELLED;

    /**
     * A status filter as staff type it; blank means any.
     *
     * @throws ProblemException 400 for anything but the two words
     */
    public static DelegationStatus ofFilter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (var status : values()) {
            if (LowerCaseEnum.wire(status).equals(text)) {
                return status;
            }
        }
        throw new ProblemException(400, "Invalid status", "status must be 'acknowledged' or 'cancelled'.");
    }

    public static final class Json extends LowerCaseEnum<DelegationStatus> {
        public Json() {
            super(DelegationStatus.class);
        }
    }
}
