package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.webapp.it.ScayleAdminSimulator.Reply;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCAYLE Admin API simulator behaves like shared/specs/scayle.md §7, failures included, over real HTTP. */
class ScayleAdminSimulatorTest {

    static final String SHIPMENT = "{\"shopKey\":\"fa\",\"countryCode\":\"AT\",\"orderId\":42,\"carrier\":\"DHL\","
            + "\"deliveryDate\":\"2026-12-08T09:00:00Z\",\"shipmentKey\":\"T-1\",\"merchantReferenceKey\":\"acme\","
            + "\"items\":[{\"orderItemId\":7,\"returnKey\":\"rk-7\"}]}";

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ScayleAdminSimulator scayle;

    @BeforeEach
    void start() {
        scayle = ScayleAdminSimulator.start(0);
        scayle.order("fa", "AT", 42, 7, 8);
    }

    @AfterEach
    void stop() {
        scayle.close();
    }

    HttpResponse<String> post(String path, String token, String body, Duration timeout) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(scayle.baseUrl() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Access-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, scayle.accessToken(), body, Duration.ofSeconds(10));
    }

    JsonObject order() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(scayle.baseUrl() + "/shops/fa/countries/AT/orders/42"))
                        .header("X-Access-Token", scayle.accessToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = jakarta.json.Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    @Test
    void aShipmentWithTheRightTokenIsTakenAndShownInTheOrder() throws Exception {
        assertThat(post("/fulfillment/shipments", null, SHIPMENT, Duration.ofSeconds(5))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/fulfillment/shipments", "wrong", SHIPMENT, Duration.ofSeconds(5))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/fulfillment/shipments", SHIPMENT).statusCode()).isEqualTo(201);

        assertThat(scayle.accepted("shipments")).hasSize(1);
        var order = order();
        assertThat(order.getJsonArray("shipments").getJsonObject(0).getString("shipmentKey"))
                .isEqualTo("T-1");
        assertThat(order.getJsonArray("items").getJsonObject(0).getString("status"))
                .isEqualTo("shipped");
        assertThat(order.getJsonArray("items").getJsonObject(0).getString("returnKey"))
                .isEqualTo("rk-7");
    }

    @Test
    void aWrongBodyOrAnUnknownItemIsA400WithErrors() throws Exception {
        var unknown = post("/fulfillment/shipments", SHIPMENT.replace("\"orderItemId\":7", "\"orderItemId\":9"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("\"errors\"")
                .contains("\"errorKey\"")
                .contains("Unknown orderItemId");
        var noCarrier = post("/fulfillment/shipments", SHIPMENT.replace("\"carrier\":\"DHL\",", ""));
        assertThat(noCarrier.statusCode()).isEqualTo(400);
        assertThat(noCarrier.body()).contains("carrier");
        var unknownReturn = post(
                "/fulfillment/return-items",
                "[{\"returnKey\":\"rk-7\",\"received\":\"2026-12-09 09:00:00\",\"merchantReferenceKey\":\"acme\"}]");
        assertThat(unknownReturn.statusCode()).isEqualTo(400);
        assertThat(scayle.accepted("shipments")).isEmpty();
        assertThat(scayle.accepted("return-items")).isEmpty();
    }

    @Test
    void scriptedFailuresComeFirstAndApplyNothing() throws Exception {
        scayle.script(Reply.serviceUnavailable(3), Reply.tooManyRequests(1), Reply.badRequest("nope", "No."));
        var unavailable = post("/fulfillment/shipments", SHIPMENT);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(post("/fulfillment/shipments", SHIPMENT).statusCode()).isEqualTo(429);
        var refused = post("/fulfillment/shipments", SHIPMENT);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"errorKey\":\"nope\"");
        assertThat(order().getJsonArray("shipments")).isEmpty();
        assertThat(post("/fulfillment/shipments", SHIPMENT).statusCode()).isEqualTo(201);
        assertThat(scayle.calls())
                .extracting(ScayleAdminSimulator.Call::status)
                .containsExactly(503, 429, 400, 200, 201);
    }

    @Test
    void aTimeoutAfterApplyingLeavesTheShipmentInTheOrder() throws Exception {
        scayle.script(Reply.timeoutAfterApplying(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> post("/fulfillment/shipments", scayle.accessToken(), SHIPMENT, Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(order().getJsonArray("shipments")).hasSize(1);
        assertThat(scayle.accepted("shipments")).hasSize(1);
    }

    @Test
    void cancellationsAndReturnsChangeTheItems() throws Exception {
        assertThat(post("/fulfillment/shipments", SHIPMENT).statusCode()).isEqualTo(201);
        assertThat(post(
                                "/fulfillment/cancellations",
                                "{\"shopKey\":\"fa\",\"countryCode\":\"AT\",\"orderId\":42,"
                                        + "\"merchantReferenceKey\":\"acme\",\"items\":[{\"orderItemId\":8}]}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(
                                "/fulfillment/return-items",
                                "[{\"returnKey\":\"rk-7\",\"received\":\"2026-12-09 09:00:00\",\"returnReason\":\"x\","
                                        + "\"merchantReferenceKey\":\"acme\"}]")
                        .statusCode())
                .isEqualTo(201);
        var items = order().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items)
                .extracting(item -> item.getInt("id") + "=" + item.getString("status"))
                .containsExactly("7=returned", "8=cancelled");
    }
}
