package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scalepoint.boundary.WarehouseReport;
import io.ordergate.stock.boundary.StockLevelView;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The payloads of the events OrderGate publishes by itself (the fields that join the common
 * envelope). Their shape is the project's (Scalepoint's is not public); field names can be renamed
 * by configuration ({@link #rename}).
 */
public final class EventPayloads {

    /** The envelope's fields: OrderGate fills them in, a payload never sets them. */
    public static final Set<String> ENVELOPE =
            Set.of("eventType", "payloadVersion", "correlationId", "timestamp", "orderToken");

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private EventPayloads() {}

    /**
     * A shipment: {@code {shipmentKey, carrier, trackingNumber, shippedAt, returnIdentCode?, lines}};
     * a cancellation: {@code {status, cancellationKey, reason?, lines}}; a return:
     * {@code {status, returnKey, receivedAt, reason?, lines}}; {@code lines} is
     * {@code [{lineId, quantity}]}.
     *
     * @param status the status word of a cancellation or return (configuration)
     */
    public static JsonObject report(WarehouseReport report, String status) {
        var payload = Jsons.createObjectBuilder();
        switch (report.kind()) {
            case SHIPMENT -> {
                payload.add("shipmentKey", report.key())
                        .add("carrier", report.carrier())
                        .add("trackingNumber", report.trackingNumber())
                        .add("shippedAt", report.at().toString());
                if (report.returnIdentCode() != null) {
                    payload.add("returnIdentCode", report.returnIdentCode());
                }
            }
            case CANCELLATION -> payload.add("status", status).add("cancellationKey", report.key());
            case RETURN ->
                payload.add("status", status)
                        .add("returnKey", report.key())
                        .add("receivedAt", report.at().toString());
        }
        if (report.kind() != WarehouseReport.Kind.SHIPMENT && report.reason() != null) {
            payload.add("reason", report.reason());
        }
        var lines = Jsons.createArrayBuilder();
        report.lines()
                .forEach((lineId, quantity) -> lines.add(
                        Jsons.createObjectBuilder().add("lineId", lineId).add("quantity", quantity)));
        return payload.add("lines", lines).build();
    }

    /**
     * A SKU's stock: {@code {sku, onHand, reserved, available, asOf, warehouses: [{warehouse,
     * onHand, reserved, available, asOf}]}}. The top level is the SKU's level as a whole, what a
     * Scalepoint order reserves from (its lines name no warehouse); without one, the sum of its
     * warehouses' levels. A SKU without any level is {@code 0} everywhere, {@code asOf} left out.
     */
    public static JsonObject stock(String sku, List<StockLevelView> levels) {
        StockLevelView whole = null;
        int onHand = 0;
        int reserved = 0;
        int available = 0;
        Instant asOf = null;
        var warehouses = Jsons.createArrayBuilder();
        for (var level : levels) {
            if (level.warehouse() == null) {
                whole = level;
                continue;
            }
            onHand += level.onHand();
            reserved += level.reserved();
            available += level.available();
            asOf = asOf == null || level.asOf().isAfter(asOf) ? level.asOf() : asOf;
            warehouses.add(Jsons.createObjectBuilder()
                    .add("warehouse", level.warehouse())
                    .add("onHand", level.onHand())
                    .add("reserved", level.reserved())
                    .add("available", level.available())
                    .add("asOf", level.asOf().toString()));
        }
        if (whole != null) {
            onHand = whole.onHand();
            reserved = whole.reserved();
            available = whole.available();
            asOf = whole.asOf();
        }
        var payload = Jsons.createObjectBuilder()
                .add("sku", sku)
                .add("onHand", onHand)
                .add("reserved", reserved)
                .add("available", available);
        if (asOf != null) {
            payload.add("asOf", asOf.toString());
        }
        return payload.add("warehouses", warehouses).build();
    }

    /** The payload with its fields renamed, at every depth ({@code lines[].lineId} too). */
    public static JsonObject rename(JsonObject payload, Map<String, String> names) {
        if (names.isEmpty()) {
            return payload;
        }
        return (JsonObject) renamed(payload, names);
    }

    static JsonValue renamed(JsonValue value, Map<String, String> names) {
        if (value instanceof JsonObject object) {
            var copy = Jsons.createObjectBuilder();
            object.forEach((name, field) -> copy.add(names.getOrDefault(name, name), renamed(field, names)));
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            var copy = Jsons.createArrayBuilder();
            array.forEach(element -> copy.add(renamed(element, names)));
            return copy.build();
        }
        return value;
    }

    /**
     * Reads {@code ours=theirs,ours=theirs} ("none" or blank: no renames).
     *
     * @throws IllegalArgumentException for an entry that is not {@code name=name}, or a new name
     *     that is an envelope field
     */
    public static Map<String, String> renames(String text) {
        var names = new LinkedHashMap<String, String>();
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return names;
        }
        for (var entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            var parts = entry.split("=", -1);
            if (parts.length != 2
                    || !NAME.matcher(parts[0].strip()).matches()
                    || !NAME.matcher(parts[1].strip()).matches()) {
                throw new IllegalArgumentException("ordergate.scalepoint.events.field-names: '" + entry.strip()
                        + "' is not ours=theirs (field names of letters, digits, '_', '.', '-').");
            }
            if (ENVELOPE.contains(parts[1].strip())) {
                throw new IllegalArgumentException("ordergate.scalepoint.events.field-names: '" + parts[1].strip()
                        + "' is a field of the envelope.");
            }
            names.put(parts[0].strip(), parts[1].strip());
        }
        return Map.copyOf(names);
    }
}
