package io.ordergate.console.scalepoint;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scalepoint.boundary.PublishableEvent;
import io.ordergate.scalepoint.boundary.PublishableEvent.Field;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An event about an order that staff are about to publish to Scalepoint, as the publish form
 * holds it, with the form's rules. Which events there are and which fields each carries and
 * requires is the catalogue OrderGate also publishes from by itself, {@link PublishableEvent} (the
 * names Scalepoint gets are configuration); this adds how each field must look.
 */
final class EventDraft {

    static final PublishableEvent STATUS_CHANGED = PublishableEvent.ORDER_STATUS_CHANGED;
    static final PublishableEvent DELIVERY_PLANNED = PublishableEvent.DELIVERY_PLANNED;
    static final PublishableEvent DELIVERY_SHIPPED = PublishableEvent.DELIVERY_SHIPPED;
    static final List<PublishableEvent> EVENT_TYPES = PublishableEvent.aboutAnOrder();
    static final List<String> STATUSES = PublishableEvent.SUGGESTED_STATUSES;

    static final Pattern STATUS_FORMAT = Pattern.compile("[A-Za-z][A-Za-z0-9 _-]{0,63}");
    static final Pattern TRACKING_FORMAT = Pattern.compile("[A-Za-z0-9-]{4,40}");
    static final int MAX_CARRIER = 64;
    static final int MAX_COMMENT = 500;

    PublishableEvent eventType = STATUS_CHANGED;
    String status;
    String carrier;
    String trackingNumber;
    LocalDate expectedDeliveryDate;
    String comment;

    static boolean carries(PublishableEvent eventType, Field field) {
        return eventType != null && eventType.carries(field);
    }

    static boolean requires(PublishableEvent eventType, Field field) {
        return eventType != null && eventType.requires(field);
    }

    static String eventTypeProblem(PublishableEvent eventType) {
        return eventType == null || !EVENT_TYPES.contains(eventType) ? "Choose the event type." : null;
    }

    /** What is wrong with the status for this event type, or null when nothing is. */
    static String statusProblem(PublishableEvent eventType, String status) {
        if (!carries(eventType, Field.STATUS)) {
            return null;
        }
        if (blank(status)) {
            return requires(eventType, Field.STATUS) ? "Status is required." : null;
        }
        return STATUS_FORMAT.matcher(status.strip()).matches()
                ? null
                : "Status: a word such as Shipped (letters, digits, spaces, '-' or '_'; at most 64 characters).";
    }

    static String trackingNumberProblem(PublishableEvent eventType, String trackingNumber) {
        if (!carries(eventType, Field.TRACKING_NUMBER)) {
            return null;
        }
        if (blank(trackingNumber)) {
            return requires(eventType, Field.TRACKING_NUMBER) ? "Tracking number is required." : null;
        }
        return TRACKING_FORMAT.matcher(trackingNumber.strip()).matches()
                ? null
                : "Tracking number: 4 to 40 letters, digits or '-', no spaces.";
    }

    static String carrierProblem(PublishableEvent eventType, String carrier) {
        if (!carries(eventType, Field.CARRIER)) {
            return null;
        }
        if (blank(carrier)) {
            return requires(eventType, Field.CARRIER) ? "Carrier is required." : null;
        }
        return carrier.strip().length() > MAX_CARRIER ? "Carrier: at most " + MAX_CARRIER + " characters." : null;
    }

    static String expectedDeliveryDateProblem(PublishableEvent eventType, LocalDate date, LocalDate today) {
        if (!carries(eventType, Field.EXPECTED_DELIVERY_DATE)) {
            return null;
        }
        if (date == null) {
            return requires(eventType, Field.EXPECTED_DELIVERY_DATE) ? "Expected delivery date is required." : null;
        }
        return date.isBefore(today) ? "Expected delivery date must not be in the past." : null;
    }

    static String commentProblem(String comment) {
        return comment != null && comment.strip().length() > MAX_COMMENT
                ? "Comment: at most " + MAX_COMMENT + " characters."
                : null;
    }

    /** The event's own fields, for the facade: only those of its type, trimmed, blanks left out. */
    JsonObject payload() {
        var payload = Jsons.createObjectBuilder();
        put(payload, Field.STATUS, status);
        put(payload, Field.TRACKING_NUMBER, trackingNumber);
        put(payload, Field.CARRIER, carrier);
        put(
                payload,
                Field.EXPECTED_DELIVERY_DATE,
                expectedDeliveryDate == null ? null : expectedDeliveryDate.toString());
        put(payload, Field.COMMENT, comment);
        return payload.build();
    }

    void put(JsonObjectBuilder payload, Field field, String value) {
        if (carries(eventType, field) && !blank(value)) {
            payload.add(field.jsonName(), value.strip());
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
