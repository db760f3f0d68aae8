package io.ordergate.platform.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON-P entry points of {@link jakarta.json.Json}, with the provider looked up once.
 *
 * <p>Why: every {@code Json.create*} call runs {@code JsonProvider.provider()}, a ServiceLoader
 * lookup through the application's class loaders, and on the webhook hot path that lookup was a
 * large share of the CPU profile. The provider and the default reader and generator factories are
 * thread-safe and created here once; use these methods instead of {@code Json.create*}.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    private Jsons() {}

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader createReader(Reader reader) {
        return READERS.createReader(reader);
    }

    public static JsonReader createReader(InputStream in) {
        return READERS.createReader(in);
    }

    /** A reader factory with its own configuration; create it once and keep it. */
    public static JsonReaderFactory createReaderFactory(Map<String, ?> config) {
        return PROVIDER.createReaderFactory(config);
    }

    public static JsonParser createParser(Reader reader) {
        return PROVIDER.createParser(reader);
    }

    public static JsonGenerator createGenerator(OutputStream out) {
        return GENERATORS.createGenerator(out);
    }

    public static JsonGenerator createGenerator(Writer writer) {
        return GENERATORS.createGenerator(writer);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }
}
