package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.ScalepointSimulator.Reply;
import io.ordergate.webapp.it.ScalepointSimulator.SentEvent;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the warehouse reports of a Scalepoint order, and every change of a stock level, reaches
 * Scalepoint's Event API (the simulator) by itself, through the outbox: a shipment as a delivery
 * event, a cancellation or return as a status event, a burst of stock changes of one SKU as one
 * stock event after the debounce (failsafe sets it to 3 s), and nothing of what is switched off.
 */
class ScalepointOutboundEventsIT extends FulfilmentBase {

    static final Duration WAIT = Duration.ofSeconds(60);

    /** Failsafe's ORDERGATE_SCALEPOINT_EVENTS_STOCK_DEBOUNCE. */
    static final Duration DEBOUNCE = Duration.ofSeconds(3);

    Client client;
    String bearer;

    @BeforeEach
    void connectBothSides() {
        connect();
        client = newClient();
        bearer = bearer(newFulfilmentClient());
    }

    /** A fetched Scalepoint order with line "1" of three units of a SKU of its own (without a stock level). */
    String scalepointOrder() {
        var token = newOrderToken();
        scalepoint()
                .putOrder(
                        token,
                        orderData(token, "Created")
                                .replace("\"quantity\": 1", "\"quantity\": 3")
                                .replace("5701234567890", sku()));
        announce(client, token);
        awaitStatus(token, "fetched", WAIT);
        return token.toLowerCase(Locale.ROOT);
    }

    String report(URI base, String kind, String body) {
        var response = send(HttpRequest.newBuilder(base.resolve("api/fulfilment/" + kind))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
        return text(response);
    }

    URI base() {
        return uri("");
    }

    static String shipment(String token, String trackingNumber, int quantity) {
        return """
                {"shipmentKey": "%s", "orderId": "scalepoint:%s", "carrier": "PostNord", "trackingNumber": "%s",
                 "shippedAt": "2026-12-08T09:30:00Z", "items": [{"itemId": "1", "quantity": %d}]}
                """.formatted(UUID.randomUUID(), token, trackingNumber, quantity);
    }

    static String cancellation(String token) {
        return """
                {"cancellationKey": "%s", "orderId": "scalepoint:%s", "reason": "damaged in the warehouse",
                 "items": [{"itemId": "1", "quantity": 1}]}
                """.formatted(UUID.randomUUID(), token);
    }

    static JsonObject envelope(SentEvent event) {
        return Json.object(event.body().getBytes(StandardCharsets.UTF_8));
    }

    static List<SentEvent> sent(Function<JsonObject, Boolean> which) {
        return scalepoint().sentEvents().stream()
                .filter(event -> which.apply(envelope(event)))
                .toList();
    }

    static List<SentEvent> eventsOf(String token, String eventType) {
        return sent(e -> token.equals(e.getString("orderToken", null)) && eventType.equals(e.getString("eventType")));
    }

    static List<SentEvent> stockEventsOf(String sku) {
        return sent(
                e -> "stock_level_changed".equals(e.getString("eventType")) && sku.equals(e.getString("sku", null)));
    }

    /** The order's outbound rows for Scalepoint, oldest first: kind, status and the publication's state. */
    static List<Map<String, Object>> outbound(String token) {
        return rows("""
                SELECT o.outbound_id, o.kind, o.status, p.status AS publication, p.attempts, p.event_type
                FROM ful_outbound o LEFT JOIN sp_publication p ON p.cause = 'ful_outbound:' || o.outbound_id
                WHERE o.order_id = ? ORDER BY o.outbound_id""", "scalepoint:" + token);
    }

    static void awaitOutboundSettled(String token, int rows) {
        await("the outbound rows of " + token + " sent", WAIT, () -> {
            var outbound = outbound(token);
            return outbound.size() == rows && outbound.stream().allMatch(r -> "sent".equals(r.get("status")))
                    ? outbound
                    : null;
        });
    }

    @Test
    void aShipmentReachesTheEventApiAsADeliveryEventOnceThroughA503Burst() {
        var token = scalepointOrder();
        scalepoint()
                .scriptSendContaining(
                        token, Reply.serviceUnavailable(1), Reply.serviceUnavailable(1), Reply.serviceUnavailable(1));

        report(base(), "shipments", shipment(token, "TT-" + token.substring(0, 8), 2));

        awaitOutboundSettled(token, 1);
        var row = outbound(token).get(0);
        assertThat(row.get("kind")).isEqualTo("shipment");
        assertThat(row.get("publication")).isEqualTo("sent");
        assertThat(row.get("event_type")).isEqualTo("delivery_shipped");
        // three 503s, then accepted
        assertThat(row.get("attempts")).isEqualTo(4);
        var delivered = eventsOf(token, "delivery_shipped");
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).header("X-Event-Type")).isEqualTo("delivery_shipped");
        var event = envelope(delivered.get(0));
        assertThat(event.getString("payloadVersion")).isEqualTo("1.0.0");
        assertThat(event.getString("correlationId")).isNotBlank();
        assertThat(event.getString("carrier")).isEqualTo("PostNord");
        assertThat(event.getString("trackingNumber")).isEqualTo("TT-" + token.substring(0, 8));
        assertThat(event.getString("shippedAt")).isEqualTo("2026-12-08T09:30:00Z");
        assertThat(event.getJsonArray("lines").getJsonObject(0).getString("lineId"))
                .isEqualTo("1");
        assertThat(event.getJsonArray("lines").getJsonObject(0).getInt("quantity"))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.outbound.sent' "
                                + "AND subject_key = ?",
                        "scalepoint:" + token))
                .isEqualTo(1);
    }

    @Test
    void aCancellationAndAReturnReachTheEventApiAsStatusEvents() {
        var token = scalepointOrder();
        report(base(), "shipments", shipment(token, "TT-R-" + token.substring(0, 6), 1));
        report(base(), "cancellations", cancellation(token));
        report(base(), "returns", """
                {"returnKey": "ret-%s", "orderId": "scalepoint:%s", "receivedAt": "2026-12-10T12:00:00Z",
                 "items": [{"itemId": "1", "quantity": 1}]}
                """.formatted(token, token));

        awaitOutboundSettled(token, 3);
        var statuses = eventsOf(token, "order_status_changed").stream()
                .map(ScalepointOutboundEventsIT::envelope)
                .toList();
        assertThat(statuses).hasSize(2);
        var cancelled = statuses.stream()
                .filter(e -> e.containsKey("cancellationKey"))
                .findFirst()
                .orElseThrow();
        assertThat(cancelled.getString("status")).isEqualTo("Cancelled");
        assertThat(cancelled.getString("reason")).isEqualTo("damaged in the warehouse");
        assertThat(cancelled.getJsonArray("lines").getJsonObject(0).getInt("quantity"))
                .isEqualTo(1);
        var returned = statuses.stream()
                .filter(e -> e.containsKey("returnKey"))
                .findFirst()
                .orElseThrow();
        assertThat(returned.getString("status")).isEqualTo("Returned");
        assertThat(returned.getString("returnKey")).isEqualTo("ret-" + token);
        assertThat(returned.getString("receivedAt")).isEqualTo("2026-12-10T12:00:00Z");
        assertThat(eventsOf(token, "delivery_shipped")).hasSize(1);
    }

    @Test
    void aBurstOfStockChangesOfOneSkuIsOneStockEventWithTheFinalLevelAfterTheDebounce() {
        var sku = sku();
        var other = sku();
        var asOf = Instant.now().minusSeconds(10);
        for (int onHand = 5; onHand <= 9; onHand++) {
            var response = put(
                    "api/fulfilment/stock",
                    bearer,
                    report(
                            asOf.plusSeconds(onHand),
                            "{\"sku\": \"%s\", \"onHand\": %d}, {\"sku\": \"%s\", \"warehouse\": \"WH1\", \"onHand\": 2}"
                                    .formatted(sku, onHand, other)));
            assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        }
        var reported = Instant.now();

        var events = await("the stock event of " + sku, WAIT, () -> {
            var found = stockEventsOf(sku);
            return found.isEmpty() ? null : found;
        });
        assertThat(Duration.between(reported, Instant.now()))
                .as("published after the debounce")
                .isGreaterThan(DEBOUNCE.minusMillis(1500));
        Pause.sleep(DEBOUNCE.plusSeconds(3));

        assertThat(stockEventsOf(sku)).hasSize(1);
        var event = envelope(events.get(0));
        assertThat(event.getInt("onHand")).isEqualTo(9);
        assertThat(event.getInt("available")).isEqualTo(9);
        assertThat(event.containsKey("orderToken")).isFalse();
        // another SKU of the same reports: one event of its own (only its first count changed it)
        var others = stockEventsOf(other);
        assertThat(others).hasSize(1);
        assertThat(envelope(others.get(0))
                        .getJsonArray("warehouses")
                        .getJsonObject(0)
                        .getString("warehouse"))
                .isEqualTo("WH1");
        assertThat(count("SELECT count(*) FROM sp_publication WHERE cause = ? AND status = 'sent'", "stock:" + sku))
                .isEqualTo(1);
    }

    @Test
    void whatIsSwitchedOffIsNotPublished() {
        var token = scalepointOrder();
        var sku = sku();
        try (var node = ExtraNode.start(ExtraNode.freePort(), Map.of("ORDERGATE_SCALEPOINT_EVENTS_ON", "shipment"))) {
            var nodeBase = node.uri("");
            report(nodeBase, "cancellations", cancellation(token));
            var stocked = send(HttpRequest.newBuilder(nodeBase.resolve("api/fulfilment/stock"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            report(Instant.now(), "{\"sku\": \"%s\", \"onHand\": 4}".formatted(sku))))
                    .build());
            assertThat(stocked.statusCode()).as(text(stocked)).isEqualTo(200);
            // what is on still goes out from that node
            report(nodeBase, "shipments", shipment(token, "TT-OFF-" + token.substring(0, 4), 1));

            awaitOutboundSettled(token, 1);
            Pause.sleep(DEBOUNCE.plusSeconds(3));
        }

        assertThat(outbound(token)).extracting(row -> row.get("kind")).containsExactly("shipment");
        assertThat(eventsOf(token, "delivery_shipped")).hasSize(1);
        assertThat(eventsOf(token, "order_status_changed")).isEmpty();
        assertThat(stockEventsOf(sku)).isEmpty();
        assertThat(count(
                        "SELECT count(*) FROM job WHERE job_type = 'scalepoint.stock-event' AND dedupe_key = ?",
                        "sku:" + sku))
                .isZero();
    }
}
