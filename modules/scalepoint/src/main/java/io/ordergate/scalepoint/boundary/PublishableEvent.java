package io.ordergate.scalepoint.boundary;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events about an order that OrderGate offers to publish to Scalepoint, each with the fields
 * it carries. Scalepoint's supplier event names and payloads are not public (spec section 6):
 * {@link ScalepointPublications#publish} accepts any snake_case name and any object outside the
 * envelope; this is the project's catalogue, the one the console's publish form offers.
 */
public enum PublishableEvent {
    ORDER_STATUS_CHANGED(
            "order_status_changed",
            EnumSet.of(Field.STATUS, Field.TRACKING_NUMBER, Field.CARRIER, Field.COMMENT),
            EnumSet.of(Field.STATUS)),
    DELIVERY_PLANNED(
            "delivery_planned",
            EnumSet.of(Field.EXPECTED_DELIVERY_DATE, Field.CARRIER, Field.COMMENT),
            EnumSet.of(Field.EXPECTED_DELIVERY_DATE)),
    DELIVERY_SHIPPED(
            "delivery_shipped",
            EnumSet.of(Field.CARRIER, Field.TRACKING_NUMBER, Field.COMMENT),
            EnumSet.of(Field.CARRIER, Field.TRACKING_NUMBER));

    /** Suggestions for {@link Field#STATUS} only: the status names Scalepoint expects are not public. */
    public static final List<String> SUGGESTED_STATUSES =
            List.of("Confirmed", "Processing", "Shipped", "Delivered", "Cancelled", "Returned");

    /** A field of an event's payload, by its JSON name. */
    public enum Field {
        STATUS("status"),
        TRACKING_NUMBER("trackingNumber"),
        CARRIER("carrier"),
        EXPECTED_DELIVERY_DATE("expectedDeliveryDate"),
        COMMENT("comment");

        private final String jsonName;

        Field(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    private final String eventType;
    private final Set<Field> fields;
    private final Set<Field> required;

    PublishableEvent(String eventType, Set<Field> fields, Set<Field> required) {
        this.eventType = eventType;
        this.fields = fields;
        this.required = required;
    }

    /** The event name as Scalepoint's Event API gets it. */
    public String eventType() {
        return eventType;
    }

    public boolean carries(Field field) {
        return fields.contains(field);
    }

    public boolean requires(Field field) {
        return required.contains(field);
    }

    /** Every event name in the catalogue, in order. */
    public static List<String> eventTypes() {
        return Arrays.stream(values()).map(PublishableEvent::eventType).toList();
    }

    public static Optional<PublishableEvent> of(String eventType) {
        return Arrays.stream(values())
                .filter(e -> e.eventType.equals(eventType))
                .findFirst();
    }
}
