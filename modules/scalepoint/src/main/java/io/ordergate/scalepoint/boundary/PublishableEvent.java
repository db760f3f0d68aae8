package io.ordergate.scalepoint.boundary;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The project's catalogue of events OrderGate publishes to Scalepoint, each with the fields it
 * carries. Scalepoint's supplier event names and payloads are not public (spec section 6), so each
 * event's name is configuration ({@code ordergate.scalepoint.events.{key}.type}, the default being
 * {@link #defaultType()}; {@link ScalepointPublications#eventTypes} gives the names in force). The
 * same catalogue serves the events OrderGate publishes by itself (a shipment: {@link #DELIVERY_SHIPPED};
 * a cancellation or return: {@link #ORDER_STATUS_CHANGED}; a stock level: {@link #STOCK_LEVEL_CHANGED})
 * and the console's publish form, which offers the events about an order. The admin API's
 * {@link ScalepointPublications#publish} still accepts any snake_case name.
 */
public enum PublishableEvent {
    ORDER_STATUS_CHANGED(
            "status",
            "order_status_changed",
            EnumSet.of(Field.STATUS, Field.TRACKING_NUMBER, Field.CARRIER, Field.COMMENT),
            EnumSet.of(Field.STATUS)),
    DELIVERY_PLANNED(
            "delivery-planned",
            "delivery_planned",
            EnumSet.of(Field.EXPECTED_DELIVERY_DATE, Field.CARRIER, Field.COMMENT),
            EnumSet.of(Field.EXPECTED_DELIVERY_DATE)),
    DELIVERY_SHIPPED(
            "shipment",
            "delivery_shipped",
            EnumSet.of(Field.CARRIER, Field.TRACKING_NUMBER, Field.COMMENT),
            EnumSet.of(Field.CARRIER, Field.TRACKING_NUMBER)),
    /** A SKU's stock level; about no order, so not offered on an order's page. */
    STOCK_LEVEL_CHANGED("stock", "stock_level_changed", EnumSet.noneOf(Field.class), EnumSet.noneOf(Field.class));

    /** Suggestions for {@link Field#STATUS} only: the status names Scalepoint expects are not public. */
    public static final List<String> SUGGESTED_STATUSES =
            List.of("Confirmed", "Processing", "Shipped", "Delivered", "Cancelled", "Returned");

    /** A field of an event's payload that a person fills in, by its JSON name. */
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

    private final String key;
    private final String defaultType;
    private final Set<Field> fields;
    private final Set<Field> required;

    PublishableEvent(String key, String defaultType, Set<Field> fields, Set<Field> required) {
        this.key = key;
        this.defaultType = defaultType;
        this.fields = fields;
        this.required = required;
    }

    /** Its part of the configuration keys: {@code ordergate.scalepoint.events.{key}.type}. */
    public String key() {
        return key;
    }

    /** The event name Scalepoint gets unless the configuration names another. */
    public String defaultType() {
        return defaultType;
    }

    /** Whether the event is about one order (and so offered on an order's page). */
    public boolean aboutOrder() {
        return this != STOCK_LEVEL_CHANGED;
    }

    public boolean carries(Field field) {
        return fields.contains(field);
    }

    public boolean requires(Field field) {
        return required.contains(field);
    }

    /** The events about an order, in catalogue order: what the console's publish form offers. */
    public static List<PublishableEvent> aboutAnOrder() {
        return Arrays.stream(values()).filter(PublishableEvent::aboutOrder).toList();
    }
}
