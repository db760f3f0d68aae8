package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scalepoint.boundary.OrderData;
import io.ordergate.scalepoint.boundary.OrderData.Address;
import io.ordergate.scalepoint.boundary.OrderData.Contact;
import io.ordergate.scalepoint.boundary.OrderData.Line;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Tolerant extraction of {@link OrderData} from a Scalepoint Order Data API response (spec section
 * 5). The schema is not public, so member names are matched case-insensitively with a few
 * synonyms, common envelopes are unwrapped, numbers and strings may arrive as either, and anything
 * unrecognised is ignored. The body is untrusted: strings, line counts and number sizes are capped.
 */
public final class OrderDataParser {

    static final int MAX_STRING = 500;
    static final int MAX_LINES = 1000;
    /** Numbers beyond 30 integer or fraction digits are not prices or quantities: ignored. */
    static final int MAX_DIGITS = 30;

    static final int MAX_ENVELOPES = 8;
    static final int MAX_MESSAGE = 100;

    static final Set<String> ENVELOPES = Set.of("data", "order", "result");
    static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?");
    static final Pattern DOT_GROUPED = Pattern.compile("[+-]?\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?");
    static final Pattern COMMA_GROUPED = Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");

    private OrderDataParser() {}

    /** @throws IllegalArgumentException when the text is not JSON */
    public static OrderData parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("The Order Data response is not JSON: no body");
        }
        JsonValue value;
        try (var reader = Jsons.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonParsingException, JsonException, and Parsson's plain RuntimeException for its limits
            throw new IllegalArgumentException("The Order Data response is not JSON: " + shortened(e.getMessage()));
        }
        return parse(value);
    }

    /** Never throws: returns what it recognises, {@link OrderData#empty()} for a non-object. */
    public static OrderData parse(JsonValue body) {
        var order = unwrap(body);
        if (order == null) {
            return OrderData.empty();
        }
        var members = new Members(order);
        var lines = lines(members.first(OrderDataParser::array, "lines", "orderLines", "items", "lineItems"));
        var total = members.first(OrderDataParser::number, "total", "totalAmount", "orderTotal", "amount");
        if (total == null) {
            total = sum(lines);
        }
        return new OrderData(
                members.first(OrderDataParser::text, "externalId"),
                members.first(OrderDataParser::text, "orderNumber", "orderNo", "number", "orderId"),
                members.first(v -> label(v, "name", "code", "value"), "status", "orderStatus", "state"),
                members.first(v -> label(v, "code", "name", "value"), "currency", "currencyCode"),
                members.first(OrderDataParser::address, "deliveryAddress", "shippingAddress", "delivery", "address"),
                members.first(OrderDataParser::contact, "contact", "recipient", "customer"),
                lines,
                total);
    }

    /** A single-member data/order/result envelope or an array: down to the first order object. */
    static JsonObject unwrap(JsonValue value) {
        var current = value;
        for (int i = 0; i < MAX_ENVELOPES; i++) {
            if (current instanceof JsonArray array) {
                current = array.stream()
                        .filter(JsonObject.class::isInstance)
                        .findFirst()
                        .orElse(null);
            } else if (current instanceof JsonObject object && object.size() == 1) {
                var member = object.entrySet().iterator().next();
                if (!ENVELOPES.contains(member.getKey().toLowerCase(Locale.ROOT))
                        || !(member.getValue() instanceof JsonObject || member.getValue() instanceof JsonArray)) {
                    return object;
                }
                current = member.getValue();
            } else {
                break;
            }
        }
        return current instanceof JsonObject object ? object : null;
    }

    static Address address(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            return null;
        }
        var members = new Members(object);
        var name = name(members);
        // "delivery": {"name": ..., "address": {...}}, one level only
        var inner = members.first(OrderDataParser::object, "address");
        if (inner != null
                && members.first(
                                OrderDataParser::text,
                                "street",
                                "street1",
                                "addressLine1",
                                "line1",
                                "postalCode",
                                "zip",
                                "zipCode",
                                "postcode",
                                "city",
                                "town")
                        == null) {
            members = new Members(inner);
            var innerName = name(members);
            name = innerName == null ? name : innerName;
        }
        var street = members.first(OrderDataParser::text, "street", "street1", "addressLine1", "line1");
        var street2 = members.first(OrderDataParser::text, "street2", "addressLine2", "line2");
        if (street2 != null) {
            street = capped(street == null ? street2 : street + ", " + street2);
        }
        var address = new Address(
                name,
                street,
                members.first(OrderDataParser::text, "postalCode", "zip", "zipCode", "postcode"),
                members.first(OrderDataParser::text, "city", "town"),
                members.first(v -> label(v, "code", "isoCode", "name", "value"), "countryCode", "country"));
        return address.equals(new Address(null, null, null, null, null)) ? null : address;
    }

    static Contact contact(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            return null;
        }
        var members = new Members(object);
        var contact = new Contact(
                name(members),
                members.first(OrderDataParser::text, "telephone", "phone", "phoneNumber", "mobile"),
                members.first(OrderDataParser::text, "email", "eMail", "emailAddress"));
        return contact.equals(new Contact(null, null, null)) ? null : contact;
    }

    /** "name", or "firstName" and "lastName" joined. */
    static String name(Members members) {
        var name = members.first(OrderDataParser::text, "name", "fullName");
        if (name != null) {
            return name;
        }
        var first = members.first(OrderDataParser::text, "firstName", "givenName");
        var last = members.first(OrderDataParser::text, "lastName", "surname", "familyName");
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        return capped(first + " " + last);
    }

    static List<Line> lines(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        var lines = new ArrayList<Line>();
        for (var element : array) {
            if (lines.size() == MAX_LINES) {
                break;
            }
            if (element instanceof JsonObject object) {
                var members = new Members(object);
                var line = new Line(
                        members.first(OrderDataParser::text, "lineId", "lineNumber", "lineNo", "id"),
                        members.first(OrderDataParser::text, "productId", "sku", "ean", "productNumber", "productCode"),
                        members.first(OrderDataParser::text, "description", "name", "productName", "title"),
                        members.first(OrderDataParser::number, "quantity", "qty", "count"),
                        members.first(OrderDataParser::number, "unitPrice", "price"),
                        members.first(OrderDataParser::number, "total", "lineTotal", "amount"));
                if (!line.equals(new Line(null, null, null, null, null, null))) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    static BigDecimal sum(List<Line> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        var sum = BigDecimal.ZERO;
        for (var line : lines) {
            if (line.total() == null) {
                return null;
            }
            sum = sum.add(line.total());
        }
        return sum;
    }

    /** A string or the text of a number, trimmed and capped; null when blank or anything else. */
    static String text(JsonValue value) {
        String raw;
        if (value instanceof JsonString string) {
            raw = string.getString();
        } else if (value instanceof JsonNumber number) {
            raw = number.toString();
        } else {
            return null;
        }
        var trimmed = raw.strip();
        return trimmed.isEmpty() ? null : capped(trimmed);
    }

    /** {@link #text}, or for an object the text of its first member among {@code keys}. */
    static String label(JsonValue value, String... keys) {
        return value instanceof JsonObject object
                ? new Members(object).first(OrderDataParser::text, keys)
                : text(value);
    }

    static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object ? object : null;
    }

    static JsonArray array(JsonValue value) {
        return value instanceof JsonArray array ? array : null;
    }

    /**
     * A JSON number or a numeric string ("6999.00", "6999,00", "6.999,00", "6,999.00"), or an
     * object's "amount"/"value"; null for anything else and for absurd sizes.
     */
    static BigDecimal number(JsonValue value) {
        if (value instanceof JsonObject object) {
            return new Members(object).first(OrderDataParser::plainNumber, "amount", "value");
        }
        return plainNumber(value);
    }

    static BigDecimal plainNumber(JsonValue value) {
        BigDecimal number;
        try {
            if (value instanceof JsonNumber json) {
                number = json.bigDecimalValue();
            } else if (value instanceof JsonString string) {
                number = number(string.getString().strip());
            } else {
                return null;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        if (number == null || number.scale() > MAX_DIGITS || (long) number.precision() - number.scale() > MAX_DIGITS) {
            return null;
        }
        return number;
    }

    static BigDecimal number(String text) {
        if (text.length() > 2 * MAX_DIGITS + 20) {
            return null;
        }
        if (PLAIN_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text.replace(',', '.'));
        }
        if (DOT_GROUPED.matcher(text).matches()) {
            return new BigDecimal(text.replace(".", "").replace(',', '.'));
        }
        if (COMMA_GROUPED.matcher(text).matches()) {
            return new BigDecimal(text.replace(",", ""));
        }
        return null;
    }

    static String capped(String text) {
        if (text.length() <= MAX_STRING) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_STRING - 1)) ? MAX_STRING - 1 : MAX_STRING;
        return text.substring(0, end);
    }

    static String shortened(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
    }

    /**
     * An object's members by name and synonyms: the first one that converts to something usable,
     * matching names exactly first, then ignoring case.
     */
    static final class Members {

        private final JsonObject object;
        private Map<String, List<JsonValue>> byLowerCase;

        Members(JsonObject object) {
            this.object = object;
        }

        <T> T first(Function<JsonValue, T> convert, String... names) {
            for (var name : names) {
                var value = object.get(name);
                var converted = value == null ? null : convert.apply(value);
                if (converted != null) {
                    return converted;
                }
            }
            if (byLowerCase == null) {
                byLowerCase = new HashMap<>();
                object.forEach((name, value) -> {
                    if (name != null && value != null) {
                        byLowerCase
                                .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                                .add(value);
                    }
                });
            }
            for (var name : names) {
                for (var value : byLowerCase.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
                    var converted = convert.apply(value);
                    if (converted != null) {
                        return converted;
                    }
                }
            }
            return null;
        }
    }
}
