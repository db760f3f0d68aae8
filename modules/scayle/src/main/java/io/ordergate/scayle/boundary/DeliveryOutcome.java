package io.ordergate.scayle.boundary;

import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.platform.boundary.LowerCaseEnum;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

/**
 * What one delivery of a delegation or cancellation was: the first of its order ({@code created}),
 * the same content again ({@code replayed}) or other content for the same order ({@code conflict}).
 * Written as the lower-case word in JSON and in the database.
 */
@JsonbTypeAdapter(DeliveryOutcome.Json.class)
public enum DeliveryOutcome {
    CREATED,
    REPLAYED,
    CONFLICT;

    /** The idempotency claim's outcome under the name attempts and the audit trail use. */
    public static DeliveryOutcome of(Claim claim) {
        return LowerCaseEnum.parse(DeliveryOutcome.class, claim.outcome().label());
    }

    public static final class Json extends LowerCaseEnum<DeliveryOutcome> {
        public Json() {
            super(DeliveryOutcome.class);
        }
    }
}
