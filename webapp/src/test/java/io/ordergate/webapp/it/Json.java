package io.ordergate.webapp.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;

/** Reading JSON answers in tests. */
final class Json {

    private Json() {}

    static JsonObject object(byte[] body) {
        try (var reader = jakarta.json.Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }

    static JsonArray array(byte[] body) {
        try (var reader = jakarta.json.Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readArray();
        }
    }
}
