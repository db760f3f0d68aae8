package io.ordergate.webapp.reliability;

import io.ordergate.webapp.it.Orders;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Pattern;

/** HTTP as the partners and operators use it: merchants, deliveries and metrics, over real sockets. */
final class Gateway {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Gateway() {}

    record Merchant(String key, String username, String password) {

        String authorization() {
            return basic(username, password);
        }
    }

    /** An answer: status, body and how long the round trip took. */
    record Answer(int status, String contentType, String body, Duration took) {}

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A merchant created through the admin API (its password is registered as a secret of the run). */
    static Merchant newMerchant(URI adminApi, String adminPassword) throws IOException, InterruptedException {
        var key = "m-" + UUID.randomUUID().toString().substring(0, 8);
        var response = HTTP.send(
                HttpRequest.newBuilder(adminApi)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", basic("admin", adminPassword))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"merchantKey\":\"" + key + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "creating merchant failed: " + response.statusCode() + " " + response.body());
        }
        var json = object(response.body());
        Secrets.register("merchant password", json.getString("password"));
        return new Merchant(key, json.getString("username"), json.getString("password"));
    }

    static String order(Merchant merchant, String reference) {
        return Orders.delegation(merchant.key(), reference);
    }

    /** One delivery, as SCAYLE makes it: a failure to connect or read is an answer with status 0. */
    static Answer deliver(URI uri, Merchant merchant, String body, Duration timeout) {
        var started = System.nanoTime();
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(timeout)
                            .header("Authorization", merchant.authorization())
                            .header("Content-Type", "application/json")
                            .header("X-Request-Id", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            return new Answer(0, "", e.toString(), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of the answer to {@code request}; 0 when it cannot connect or read one. */
    static int status(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject object(String json) {
        try (var reader = Json.createReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** The value of an unlabelled (or first matching) Prometheus sample, if the endpoint answers. */
    static OptionalDouble metric(URI metrics, String name) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            var matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+|NaN)")
                    .matcher(response.body());
            return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
