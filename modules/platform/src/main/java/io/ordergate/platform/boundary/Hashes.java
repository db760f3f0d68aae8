package io.ordergate.platform.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** SHA-256 of raw bytes and of JSON content independent of formatting and member order. */
public final class Hashes {

    private Hashes() {}

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /**
     * Hash of the JSON value in a canonical form: object members sorted by name, no insignificant
     * white space, numbers as written. Two deliveries that differ only in formatting or member
     * order hash the same; any change of content changes the hash.
     */
    public static byte[] canonicalJsonSha256(JsonValue value) {
        return sha256(canonical(value).toString().getBytes(StandardCharsets.UTF_8));
    }

    static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonObject object) {
            var sorted = new TreeMap<String, JsonValue>();
            object.forEach((k, v) -> sorted.put(k, canonical(v)));
            var builder = Jsons.createObjectBuilder();
            sorted.forEach(builder::add);
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            var builder = Jsons.createArrayBuilder();
            array.forEach(v -> builder.add(canonical(v)));
            return builder.build();
        }
        return value;
    }
}
