package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the Scalepoint integration tests share: webhook clients and events towards OrderGate, and
 * OrderGate's connection to the Scalepoint simulator, set up the way an operator does it (connect,
 * generate a certificate, hand it to Scalepoint).
 */
abstract class ScalepointBase extends OrderGateIT {

    static final String CLIENT_ID = "ordergate-it";

    protected static ScalepointSimulator scalepoint() {
        return ItEnvironment.scalepoint();
    }

    protected record Client(String clientId, String clientSecret, String tokenUrl, String webhookUrl, String scope) {}

    protected Client newClient() {
        var response = post("api/admin/scalepoint/webhook-clients", admin(), null, new byte[0]);
        assertThat(response.statusCode()).isEqualTo(201);
        var json = Json.object(response.body());
        return new Client(
                json.getString("clientId"),
                json.getString("clientSecret"),
                json.getString("tokenUrl"),
                json.getString("webhookUrl"),
                json.getString("scope"));
    }

    protected HttpResponse<byte[]> token(String authorization, String form) {
        return post(
                "oauth/token",
                authorization,
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
    }

    protected String bearer(Client client) {
        var response = token(basic(client.clientId(), client.clientSecret()), "grant_type=client_credentials");
        assertThat(response.statusCode()).isEqualTo(200);
        return "Bearer " + Json.object(response.body()).getString("access_token");
    }

    protected HttpResponse<byte[]> event(String authorization, String body) {
        return post("api/scalepoint/events", authorization, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh order token in upper case, as Scalepoint often sends them. */
    protected static String newOrderToken() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** Announces an order through the webhook, as Scalepoint's Event API does. */
    protected void announce(Client client, String orderToken) {
        var response = event(
                bearer(client),
                ScalepointEvents.orderCreated(
                        orderToken, UUID.randomUUID().toString(), "2020-04-28T20:43:35.0348577+02:00"));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(202);
    }

    /** The body the simulator's Order Data API returns for an order (the spec's assumed shape). */
    protected static String orderData(String orderToken, String status) {
        return """
                {"externalId": "%s", "orderNumber": "7001234", "status": "%s", "currency": "DKK",
                 "deliveryAddress": {"name": "Jens Hansen", "street": "Vestergade 1", "postalCode": "8000",
                                     "city": "Aarhus C", "countryCode": "DK"},
                 "contact": {"name": "Jens Hansen", "telephone": "+4512345678", "email": "jens@example.dk"},
                 "lines": [{"lineId": "1", "productId": "5701234567890", "description": "Samsung TV 55\\"",
                            "quantity": 1, "unitPrice": 6999.00, "total": 6999.00}],
                 "somethingNew": {"kept": true}}
                """.formatted(orderToken, status);
    }

    /** Connects OrderGate to the simulator with private_key_jwt and a freshly generated, registered certificate. */
    protected JsonObject connect() {
        var connection = put("api/admin/scalepoint/connection", """
                {"clientId": "%s", "scopes": ["orderdata", "events"], "tenant": "ordergate", "country": "dk"}
                """.formatted(CLIENT_ID));
        assertThat(connection.statusCode()).as(text(connection)).isEqualTo(200);
        var created = post("api/admin/scalepoint/connection/certificates", admin(), null, new byte[0]);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        var certificate = Json.object(created.body());
        scalepoint().registerClient(CLIENT_ID, Base64.getDecoder().decode(certificate.getString("certificate")));
        if (!certificate.getBoolean("active")) {
            var activated = post(
                    "api/admin/scalepoint/connection/certificates/" + certificate.getString("thumbprint") + "/activate",
                    admin(),
                    null,
                    new byte[0]);
            assertThat(activated.statusCode()).as(text(activated)).isEqualTo(200);
        }
        return certificate;
    }

    protected HttpResponse<byte[]> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", admin())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    protected JsonObject order(String orderToken) {
        var response = get("api/admin/scalepoint/orders/" + orderToken, admin());
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return Json.object(response.body());
    }

    /** Waits for the order to reach the status, and returns it. */
    protected JsonObject awaitStatus(String orderToken, String status, Duration timeout) {
        return await("order " + orderToken + " " + status, timeout, () -> {
            var response = get("api/admin/scalepoint/orders/" + orderToken, admin());
            if (response.statusCode() == 404) {
                return null; // not announced yet
            }
            var order = Json.object(response.body());
            return order.getString("status").equals(status) ? order : null;
        });
    }

    protected static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
