package io.ordergate.console.scalepoint;

import io.ordergate.platform.boundary.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An event about an order that staff are about to publish to Scalepoint, as the publish form
 * holds it, with the form's rules. Scalepoint's supplier event names and payloads are not public
 * (spec section 6; the facade accepts any snake_case name and any object outside the envelope):
 * the console offers the project's three, each with the fields it carries.
 *
 * <ul>
 * <li>{@code order_status_changed}: {@code status} (required), {@code trackingNumber},
 * {@code carrier}, {@code comment}</li>
 * <li>{@code delivery_planned}: {@code expectedDeliveryDate} (required, ISO date, not in the past),
 * {@code carrier}, {@code comment}</li>
 * <li>{@code delivery_shipped}: {@code carrier} and {@code trackingNumber} (both required),
 * {@code comment}</li>
 * </ul>
 */
final class EventDraft {

    static final String STATUS_CHANGED = "order_status_changed";
    static final String DELIVERY_PLANNED = "delivery_planned";
    static final String DELIVERY_SHIPPED = "delivery_shipped";
    static final List<String> EVENT_TYPES = List.of(STATUS_CHANGED, DELIVERY_PLANNED, DELIVERY_SHIPPED);
    /** Suggestions only: the status names Scalepoint expects are not public. */
    static final List<String> STATUSES = List.of("Confirmed", "Processing", "Shipped", "Delivered", "Cancelled",
            "Returned");

    static final String STATUS = "status";
    static final String CARRIER = "carrier";
    static final String TRACKING_NUMBER = "trackingNumber";
    static final String EXPECTED_DELIVERY_DATE = "expectedDeliveryDate";
    static final String COMMENT = "comment";

    /** The fields each event type carries. */
    static final Map<String, Set<String>> FIELDS = Map.of(
            STATUS_CHANGED, Set.of(STATUS, TRACKING_NUMBER, CARRIER, COMMENT),
            DELIVERY_PLANNED, Set.of(EXPECTED_DELIVERY_DATE, CARRIER, COMMENT),
            DELIVERY_SHIPPED, Set.of(CARRIER, TRACKING_NUMBER, COMMENT));
    static final Map<String, Set<String>> REQUIRED = Map.of(
            STATUS_CHANGED, Set.of(STATUS),
            DELIVERY_PLANNED, Set.of(EXPECTED_DELIVERY_DATE),
            DELIVERY_SHIPPED, Set.of(CARRIER, TRACKING_NUMBER));

    static final Pattern STATUS_FORMAT = Pattern.compile("[A-Za-z][A-Za-z0-9 _-]{0,63}");
    static final Pattern TRACKING_FORMAT = Pattern.compile("[A-Za-z0-9-]{4,40}");
    static final int MAX_CARRIER = 64;
    static final int MAX_COMMENT = 500;

    String eventType = STATUS_CHANGED;
    String status;
    String carrier;
    String trackingNumber;
    LocalDate expectedDeliveryDate;
    String comment;

    static boolean carries(String eventType, String field) {
        return FIELDS.getOrDefault(eventType, Set.of()).contains(field);
    }

    static boolean requires(String eventType, String field) {
        return REQUIRED.getOrDefault(eventType, Set.of()).contains(field);
    }

    static String eventTypeProblem(String eventType) {
        return eventType == null || !EVENT_TYPES.contains(eventType) ? "Choose the event type." : null;
    }

    /** What is wrong with the status for this event type, or null when nothing is. */
    static String statusProblem(String eventType, String status) {
        if (!carries(eventType, STATUS)) {
            return null;
        }
        if (blank(status)) {
            return requires(eventType, STATUS) ? "Status is required." : null;
        }
        return STATUS_FORMAT.matcher(status.strip()).matches() ? null
                : "Status: a word such as Shipped (letters, digits, spaces, '-' or '_'; at most 64 characters).";
    }

    static String trackingNumberProblem(String eventType, String trackingNumber) {
        if (!carries(eventType, TRACKING_NUMBER)) {
            return null;
        }
        if (blank(trackingNumber)) {
            return requires(eventType, TRACKING_NUMBER) ? "Tracking number is required." : null;
        }
        return TRACKING_FORMAT.matcher(trackingNumber.strip()).matches() ? null
                : "Tracking number: 4 to 40 letters, digits or '-', no spaces.";
    }

    static String carrierProblem(String eventType, String carrier) {
        if (!carries(eventType, CARRIER)) {
            return null;
        }
        if (blank(carrier)) {
            return requires(eventType, CARRIER) ? "Carrier is required." : null;
        }
        return carrier.strip().length() > MAX_CARRIER ? "Carrier: at most " + MAX_CARRIER + " characters." : null;
    }

    static String expectedDeliveryDateProblem(String eventType, LocalDate date, LocalDate today) {
        if (!carries(eventType, EXPECTED_DELIVERY_DATE)) {
            return null;
        }
        if (date == null) {
            return requires(eventType, EXPECTED_DELIVERY_DATE) ? "Expected delivery date is required." : null;
        }
        return date.isBefore(today) ? "Expected delivery date must not be in the past." : null;
    }

    static String commentProblem(String comment) {
        return comment != null && comment.strip().length() > MAX_COMMENT
                ? "Comment: at most " + MAX_COMMENT + " characters." : null;
    }

    /** The event's own fields, for the facade: only those of its type, trimmed, blanks left out. */
    JsonObject payload() {
        var payload = Jsons.createObjectBuilder();
        put(payload, STATUS, status);
        put(payload, TRACKING_NUMBER, trackingNumber);
        put(payload, CARRIER, carrier);
        put(payload, EXPECTED_DELIVERY_DATE, expectedDeliveryDate == null ? null : expectedDeliveryDate.toString());
        put(payload, COMMENT, comment);
        return payload.build();
    }

    void put(JsonObjectBuilder payload, String field, String value) {
        if (carries(eventType, field) && !blank(value)) {
            payload.add(field, value.strip());
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
