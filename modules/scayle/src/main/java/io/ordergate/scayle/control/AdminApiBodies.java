package io.ordergate.scayle.control;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scayle.boundary.FulfilmentCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies of SCAYLE's fulfilment calls (scayle.md §7), and whether an order read from SCAYLE
 * already shows a call's effect.
 *
 * <p>The spec does not fix the shape of {@code GET /shops/{shopKey}/countries/{countryCode}/orders/{orderId}};
 * OrderGate assumes (a project choice, played by the test double and documented in
 * docs/fulfilment.md) an object with {@code shipments: [{shipmentKey, ...}]} and
 * {@code items: [{id, status, returnKey}]}, where {@code id} is the {@code orderItemId} and
 * {@code status} is {@code cancelled} for a cancelled item and {@code returned} for one whose return
 * was received. A shipment is there when a shipment has its {@code shipmentKey}; a cancellation when
 * each of its items is {@code cancelled}; a return when each of its return keys belongs to an item
 * that is {@code returned}.
 */
public final class AdminApiBodies {

    /** SCAYLE's {@code received}: "YYYY-MM-DD HH:MM:SS", taken in UTC. */
    static final DateTimeFormatter RECEIVED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AdminApiBodies() {}

    /** Where the call goes: the delegation's SCAYLE ids. */
    public record Target(String shopKey, String countryCode, long orderId, Map<String, Long> orderItemIds) {}

    /**
     * @throws IllegalArgumentException naming an item the delegation has no {@code orderItemId} for
     */
    public static byte[] body(FulfilmentCall call, Target target) {
        JsonValue body = switch (call.kind()) {
            case "shipment" -> {
                var items = Jsons.createArrayBuilder();
                for (var item : call.items()) {
                    items.add(Jsons.createObjectBuilder()
                            .add("orderItemId", orderItemId(target, item.itemId()))
                            .add("returnKey", item.returnKey()));
                }
                var shipment = head(call, target)
                        .add("carrier", call.carrier())
                        .add("deliveryDate", call.at().toString())
                        .add("shipmentKey", call.shipmentKey());
                if (call.returnIdentCode() != null) {
                    shipment.add("returnIdentCode", call.returnIdentCode());
                }
                yield shipment.add("merchantReferenceKey", call.merchantKey())
                        .add("items", items)
                        .build();
            }
            case "cancellation" -> {
                var items = Jsons.createArrayBuilder();
                for (var item : call.items()) {
                    items.add(Jsons.createObjectBuilder().add("orderItemId", orderItemId(target, item.itemId())));
                }
                yield head(call, target)
                        .add("merchantReferenceKey", call.merchantKey())
                        .add("items", items)
                        .build();
            }
            case "return" -> {
                var returns = Jsons.createArrayBuilder();
                for (var item : call.items()) {
                    if (item.returnKey() == null) {
                        throw new IllegalArgumentException(
                                "Item " + item.itemId() + " has no return key: it was never reported shipped.");
                    }
                    var returned = Jsons.createObjectBuilder()
                            .add("returnKey", item.returnKey())
                            .add("received", RECEIVED.format(call.at()));
                    if (call.reason() != null) {
                        returned.add("returnReason", call.reason());
                    }
                    returns.add(returned.add("merchantReferenceKey", call.merchantKey()));
                }
                yield returns.build();
            }
            default -> throw new IllegalArgumentException("Unknown kind of call: " + call.kind());
        };
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static jakarta.json.JsonObjectBuilder head(FulfilmentCall call, Target target) {
        return Jsons.createObjectBuilder()
                .add("shopKey", target.shopKey())
                .add("countryCode", target.countryCode())
                .add("orderId", target.orderId());
    }

    static long orderItemId(Target target, String itemId) {
        var id = target.orderItemIds().get(itemId);
        if (id == null) {
            throw new IllegalArgumentException("Item " + itemId + " of the order has no SCAYLE orderItemId.");
        }
        return id;
    }

    /**
     * Whether the order as SCAYLE shows it already carries the call's effect; empty when the answer
     * is not an object of the assumed shape (then nothing can be concluded).
     */
    public static Optional<Boolean> present(String order, FulfilmentCall call, Target target) {
        JsonObject json;
        try (var reader = Jsons.createReader(new StringReader(order))) {
            if (!(reader.readValue() instanceof JsonObject object)) {
                return Optional.empty();
            }
            json = object;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(
                switch (call.kind()) {
                    case "shipment" ->
                        array(json, "shipments").stream()
                                .anyMatch(s -> s instanceof JsonObject shipment
                                        && shipment.get("shipmentKey") instanceof JsonString key
                                        && key.getString().equals(call.shipmentKey()));
                    case "cancellation" -> {
                        var cancelled = new HashSet<Long>();
                        for (var value : array(json, "items")) {
                            if (value instanceof JsonObject item
                                    && item.get("id") instanceof JsonNumber id
                                    && "cancelled".equals(text(item, "status"))) {
                                cancelled.add(id.longValue());
                            }
                        }
                        yield call.items().stream()
                                .allMatch(item ->
                                        cancelled.contains(target.orderItemIds().get(item.itemId())));
                    }
                    case "return" -> {
                        var returned = new HashSet<String>();
                        for (var value : array(json, "items")) {
                            if (value instanceof JsonObject item
                                    && "returned".equals(text(item, "status"))
                                    && text(item, "returnKey") != null) {
                                returned.add(text(item, "returnKey"));
                            }
                        }
                        yield call.items().stream().allMatch(item -> returned.contains(item.returnKey()));
                    }
                    default -> false;
                });
    }

    /** SCAYLE's {@code errors[]} of an error answer, as JSON; null when the body has none. */
    public static String errors(String body) {
        try (var reader = Jsons.createReader(new StringReader(body))) {
            if (reader.readValue() instanceof JsonObject object && object.get("errors") instanceof JsonArray errors) {
                return errors.toString();
            }
        } catch (RuntimeException e) {
            // not JSON: no errors[] to keep
        }
        return null;
    }

    /** The errors as one line for staff: "errorKey: message; …". */
    public static String describe(String errors) {
        if (errors == null) {
            return null;
        }
        var text = new StringBuilder();
        try (var reader = Jsons.createReader(new StringReader(errors))) {
            for (var value : reader.readArray()) {
                if (value instanceof JsonObject error) {
                    if (!text.isEmpty()) {
                        text.append("; ");
                    }
                    text.append(text(error, "errorKey")).append(": ").append(text(error, "message"));
                }
            }
        }
        return text.toString();
    }

    private static JsonArray array(JsonObject object, String name) {
        return object.get(name) instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : null;
    }
}
