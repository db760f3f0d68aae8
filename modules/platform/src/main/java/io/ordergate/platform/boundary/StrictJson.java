package io.ordergate.platform.boundary;

import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Strict reading of webhook bodies (valid UTF-8, one JSON object, no duplicate member names, sane
 * nesting) and tolerant extraction of optional fields. Every failure is a 400 problem naming what
 * to fix, never an unexpected exception.
 */
public final class StrictJson {

    private static final JsonReaderFactory READERS =
            Jsons.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private StrictJson() {}

    public static JsonObject object(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad("The request body is not valid UTF-8.");
        }
        try (var reader = READERS.createReader(new StringReader(text))) {
            var value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw bad("The request body must be a JSON object.");
            }
            checkRest(text);
            return object;
        } catch (ProblemException e) {
            throw e;
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            throw bad("The request body is not well-formed JSON"
                    + (location == null
                            ? ""
                            : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")")
                    + ": " + safe(e.getMessage()));
        } catch (JsonException | IllegalStateException | ArithmeticException e) {
            throw bad("The request body is not acceptable JSON: " + safe(e.getMessage()));
        } catch (RuntimeException e) {
            // Parsson signals some limits (nesting depth) with a plain RuntimeException: still the body's fault.
            throw bad("The request body is not acceptable JSON: " + safe(e.getMessage()));
        }
    }

    /**
     * What the reader lets through: it stops after the first value, so a second document or garbage
     * behind it is found here; and a NUL in a name or string could never be stored (PostgreSQL text).
     */
    static void checkRest(String text) {
        try (var parser = Jsons.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                var event = parser.next();
                if ((event == JsonParser.Event.KEY_NAME || event == JsonParser.Event.VALUE_STRING)
                        && parser.getString().indexOf('\0') >= 0) {
                    throw bad("The request body contains a NUL character (\\u0000).");
                }
            }
        }
    }

    public static ProblemException bad(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public static String safe(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    public static String requiredString(JsonObject object, String name, String path) {
        var value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw bad("'" + path + "' is required.");
        }
        if (!(value instanceof JsonString string)) {
            throw bad("'" + path + "' must be a string.");
        }
        if (string.getString().isBlank()) {
            throw bad("'" + path + "' must not be empty.");
        }
        return string.getString();
    }

    /** A string, or the text of a number (ids sometimes arrive as either); null otherwise. */
    public static String optionalString(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        var value = object.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }

    public static Long optionalLong(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        var value = object.get(name);
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    public static JsonObject optionalObject(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        return object.get(name) instanceof JsonObject child ? child : null;
    }
}
