package io.ordergate.console.ui;

import io.ordergate.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * JSON indented for reading, with the members in the order they were sent and every value as it
 * was (numbers keep their written form). Staff compare it with what a partner says it received.
 */
public final class PrettyJson {

    static final String INDENT = "  ";

    private PrettyJson() {}

    /** JSON text indented; text that is not JSON is returned as it is. */
    public static String formatText(String text) {
        try (var reader = Jsons.createReader(new java.io.StringReader(text))) {
            return format(reader.readValue());
        } catch (jakarta.json.JsonException e) {
            return text;
        }
    }

    public static String format(JsonValue value) {
        var out = new StringBuilder();
        write(value, out, "");
        return out.toString();
    }

    static void write(JsonValue value, StringBuilder out, String indent) {
        switch (value.getValueType()) {
            case OBJECT -> {
                var object = (JsonObject) value;
                if (object.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                var inner = indent + INDENT;
                var first = true;
                for (var member : object.entrySet()) {
                    if (!first) {
                        out.append(",\n");
                    }
                    first = false;
                    out.append(inner).append(Jsons.createValue(member.getKey())).append(": ");
                    write(member.getValue(), out, inner);
                }
                out.append('\n').append(indent).append('}');
            }
            case ARRAY -> {
                var array = (JsonArray) value;
                if (array.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append("[\n");
                var inner = indent + INDENT;
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(",\n");
                    }
                    out.append(inner);
                    write(array.get(i), out, inner);
                }
                out.append('\n').append(indent).append(']');
            }
            case STRING -> out.append(Jsons.createValue(((JsonString) value).getString()));
            default -> out.append(value);
        }
    }
}
