package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SCAYLE's Admin API (fulfilment spec §6, scayle.md §7) against {@link ScayleAdminSimulator}: the
 * connection (its token never shown), its test, and what the warehouse reports reaching SCAYLE
 * exactly once, also through 503 bursts and a timeout after SCAYLE took the call; a refusal ends
 * dead with SCAYLE's errors readable (and goes out when its job is retried); without a connection
 * a call waits and goes out once one is saved.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScayleAdminApiIT extends ScayleAdminBase {

    HttpResponse<byte[]> report(String kind, String body) {
        return post("api/fulfilment/" + kind, bearer, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A shipment of both items (the second with both its units), as the warehouse reports it. */
    JsonObject ship(ScayleOrder order, String trackingNumber) {
        var body = "{\"shipmentKey\":\"" + key() + "\",\"orderId\":\"" + order.orderId() + "\",\"carrier\":\"DHL\","
                + "\"trackingNumber\":\"" + trackingNumber + "\",\"shippedAt\":\"2026-12-08T09:00:00Z\","
                + "\"returnIdentCode\":\"RIC-1\",\"items\":[{\"itemId\":\"1968655\",\"quantity\":1},"
                + "{\"itemId\":\"1968656\",\"quantity\":2}]}";
        var shipped = report("shipments", body);
        assertThat(shipped.statusCode()).as(text(shipped)).isEqualTo(201);
        return Json.object(shipped.body());
    }

    static String key() {
        return "k-" + UUID.randomUUID();
    }

    static String tracking() {
        return "T-" + UUID.randomUUID();
    }

    /** The posts SCAYLE accepted to a fulfilment path for one order. */
    static List<ScayleAdminSimulator.Call> accepted(String what, long scayleOrderId) {
        return simulator().accepted(what).stream()
                .filter(call -> call.body().contains(String.valueOf(scayleOrderId)) || what.equals("return-items"))
                .toList();
    }

    static List<ScayleAdminSimulator.Call> acceptedShipments(String trackingNumber) {
        return simulator().accepted("shipments").stream()
                .filter(call -> call.body().contains("\"" + trackingNumber + "\""))
                .toList();
    }

    static String outboundStatus(String orderId, String kind) {
        var rows = rows(
                "SELECT status FROM ful_outbound WHERE order_id = ? AND kind = ? ORDER BY outbound_id DESC",
                orderId,
                kind);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }

    static void awaitOutbound(String orderId, String kind, String status) {
        await(
                kind + " of " + orderId + " " + status,
                WAIT,
                () -> status.equals(outboundStatus(orderId, kind)) ? true : null);
    }

    JsonObject testConnection() {
        var response = post("api/admin/scayle/admin-api/test", admin(), null, new byte[0]);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return Json.object(response.body());
    }

    List<JsonObject> calls(ScayleOrder order) {
        var response = get(
                "api/admin/scayle/admin-api/calls?merchantKey=" + merchant.key() + "&referenceKey=" + order.reference(),
                admin());
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return Json.array(response.body()).getValuesAs(JsonObject.class);
    }

    /** No other test class may find a connection that points at this run's simulator. */
    @Test
    @Order(1)
    void withoutAConnectionACallWaitsAndGoesOutOnceOneIsSaved() throws SQLException {
        forgetTheConnection();
        var order = order();
        var tracking = tracking();
        ship(order, tracking);
        var outboundId = (Long) rows("SELECT outbound_id FROM ful_outbound WHERE order_id = ?", order.orderId())
                .get(0)
                .get("outbound_id");
        var job = await("the job waiting for a connection", WAIT, () -> {
            var jobs = rows(
                    "SELECT state, last_error FROM job WHERE job_type = 'fulfilment.scayle-call' AND dedupe_key = ?",
                    "ful_outbound:" + outboundId);
            return !jobs.isEmpty() && jobs.get(0).get("last_error") != null ? jobs.get(0) : null;
        });
        assertThat(job.get("state")).isEqualTo("pending");
        assertThat((String) job.get("last_error")).startsWith("SCAYLE Admin API not configured");
        assertThat(outboundStatus(order.orderId(), "shipment")).isEqualTo("pending");
        assertThat(acceptedShipments(tracking)).isEmpty();

        connectScayle();

        awaitOutbound(order.orderId(), "shipment", "sent");
        assertThat(acceptedShipments(tracking)).hasSize(1);
    }

    @Test
    @Order(2)
    void theConnectionIsSavedAndTestedAndItsTokenNeverShown() {
        var refused = put(
                "api/admin/scayle/admin-api",
                "{\"baseUrl\":\"ftp://admin.example.com/api/admin/v1\",\"accessToken\":\"x\"}");
        assertThat(refused.statusCode()).as(text(refused)).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(text(refused)).contains("baseUrl");

        var token = "secret-" + UUID.randomUUID();
        simulator().accessToken(token);
        var saved = connectScayle(token);
        assertThat(saved.statusCode()).as(text(saved)).isEqualTo(200);
        assertThat(text(saved)).doesNotContain(token);
        var read = get("api/admin/scayle/admin-api", admin());
        assertThat(read.statusCode()).as(text(read)).isEqualTo(200);
        assertThat(text(read)).doesNotContain(token);
        var view = Json.object(read.body());
        assertThat(view.getString("baseUrl")).isEqualTo(simulator().baseUrl());
        assertThat(view.getBoolean("accessTokenSet")).isTrue();
        assertThat(view.getString("accessTokenChangedAt")).isNotBlank();
        assertThat(count("SELECT count(*) FROM audit_record WHERE CAST(detail AS text) LIKE ?", "%" + token + "%"))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM scayle_admin_api WHERE position(CAST(? AS bytea) IN token_sealed) > 0",
                        token))
                .isZero();

        var ok = testConnection();
        assertThat(ok.getBoolean("ok")).as(ok.toString()).isTrue();
        assertThat(ok.isNull("error")).isTrue();

        // SCAYLE no longer takes the token: the test says so, exactly
        simulator().accessToken("another-" + UUID.randomUUID());
        var failed = testConnection();
        assertThat(failed.getBoolean("ok")).isFalse();
        assertThat(failed.getString("error"))
                .contains("refused the access token")
                .contains("401");
        simulator().accessToken(token);
    }

    @Test
    @Order(3)
    void aShipmentReachesScayleOnceWithEverythingItNeeds() {
        connectScayle();
        var order = order();
        var tracking = tracking();
        var answer = ship(order, tracking);
        var returnKeys = answer.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("itemId") + "=" + item.getString("returnKey"))
                .toList();

        awaitOutbound(order.orderId(), "shipment", "sent");
        var shipments = acceptedShipments(tracking);
        assertThat(shipments).hasSize(1);
        var call = shipments.get(0);
        assertThat(call.header("X-Access-Token")).isEqualTo(simulator().accessToken());
        assertThat(call.header("X-Company-Id")).isNull();
        var body = (JsonObject) call.json();
        assertThat(body.getString("shopKey")).isEqualTo("fa");
        assertThat(body.getString("countryCode")).isEqualTo("AT");
        assertThat(body.getJsonNumber("orderId").longValue()).isEqualTo(order.scayleOrderId());
        assertThat(body.getString("carrier")).isEqualTo("DHL");
        assertThat(body.getString("deliveryDate")).isEqualTo("2026-12-08T09:00:00Z");
        assertThat(body.getString("shipmentKey")).isEqualTo(tracking);
        assertThat(body.getString("returnIdentCode")).isEqualTo("RIC-1");
        assertThat(body.getString("merchantReferenceKey")).isEqualTo(merchant.key());
        assertThat(body.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(item -> item.getJsonNumber("orderItemId").longValue() + "=" + item.getString("returnKey"))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(returnKeys);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.outbound.sent' AND subject_key = ?",
                        order.orderId()))
                .isEqualTo(1);
        Pause.sleep(Duration.ofSeconds(1));
        assertThat(acceptedShipments(tracking)).hasSize(1);
    }

    @Test
    @Order(4)
    void throughA503BurstTheShipmentArrivesOnce() {
        connectScayle();
        var order = order();
        var tracking = tracking();
        simulator()
                .script(
                        ScayleAdminSimulator.Reply.serviceUnavailable(1),
                        ScayleAdminSimulator.Reply.serviceUnavailable(1),
                        ScayleAdminSimulator.Reply.tooManyRequests(1));
        ship(order, tracking);

        awaitOutbound(order.orderId(), "shipment", "sent");
        assertThat(acceptedShipments(tracking)).hasSize(1);
        var posts = simulator().calls().stream()
                .filter(call -> call.path().endsWith("/fulfillment/shipments")
                        && call.body().contains(tracking))
                .toList();
        assertThat(posts).extracting(ScayleAdminSimulator.Call::status).containsExactly(503, 503, 429, 201);
        // after a 5xx the next attempt read the order first (SCAYLE may have taken it)
        assertThat(simulator().calls().stream()
                        .filter(call -> call.method().equals("GET")
                                && call.path().endsWith("/orders/" + order.scayleOrderId())))
                .hasSizeGreaterThanOrEqualTo(2);
        var recorded = calls(order);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).getString("outcome")).isEqualTo("sent");
        assertThat(recorded.get(0).getInt("attempts")).isEqualTo(4);
        Pause.sleep(Duration.ofSeconds(1));
        assertThat(acceptedShipments(tracking)).hasSize(1);
    }

    @Test
    @Order(5)
    void aTimeoutAfterScayleTookTheShipmentDoesNotReportItTwice() {
        connectScayle();
        var order = order();
        var tracking = tracking();
        // longer than OrderGate's read timeout in the tests (2 s)
        simulator().script(ScayleAdminSimulator.Reply.timeoutAfterApplying(Duration.ofSeconds(5)));
        ship(order, tracking);

        awaitOutbound(order.orderId(), "shipment", "sent");
        var recorded = calls(order);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).getString("outcome")).as(recorded.toString()).isEqualTo("found");
        assertThat(recorded.get(0).getInt("attempts")).isEqualTo(1);
        assertThat(simulator().calls().stream()
                        .filter(call -> call.path().endsWith("/fulfillment/shipments")
                                && call.body().contains(tracking)))
                .hasSize(1);
        Pause.sleep(Duration.ofSeconds(1));
        assertThat(acceptedShipments(tracking)).hasSize(1);
        assertThat(simulator().orderJson("fa", "AT", order.scayleOrderId()).getJsonArray("shipments"))
                .hasSize(1);
    }

    @Test
    @Order(6)
    void aCancellationAndAReturnReachScayle() {
        connectScayle();
        var order = order();
        var cancelled = report(
                "cancellations",
                "{\"cancellationKey\":\"" + key() + "\",\"orderId\":\"" + order.orderId() + "\",\"reason\":\"damaged\","
                        + "\"items\":[{\"itemId\":\"1968656\",\"quantity\":2}]}");
        assertThat(cancelled.statusCode()).as(text(cancelled)).isEqualTo(201);
        awaitOutbound(order.orderId(), "cancellation", "sent");
        var cancellations = accepted("cancellations", order.scayleOrderId());
        assertThat(cancellations).hasSize(1);
        var cancellation = (JsonObject) cancellations.get(0).json();
        assertThat(cancellation.getString("shopKey")).isEqualTo("fa");
        assertThat(cancellation.getString("countryCode")).isEqualTo("AT");
        assertThat(cancellation.getString("merchantReferenceKey")).isEqualTo(merchant.key());
        assertThat(cancellation
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonNumber("orderItemId")
                        .longValue())
                .isEqualTo(1968656L);

        var shipped = report(
                "shipments",
                "{\"shipmentKey\":\"" + key() + "\",\"orderId\":\"" + order.orderId() + "\",\"carrier\":\"DHL\","
                        + "\"trackingNumber\":\"" + tracking() + "\",\"shippedAt\":\"2026-12-08T09:00:00Z\","
                        + "\"items\":[{\"itemId\":\"1968655\",\"quantity\":1}]}");
        assertThat(shipped.statusCode()).as(text(shipped)).isEqualTo(201);
        var returnKey = Json.object(shipped.body())
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("returnKey");
        awaitOutbound(order.orderId(), "shipment", "sent");
        var back = report(
                "returns",
                "{\"returnKey\":\"" + key() + "\",\"orderId\":\"" + order.orderId() + "\","
                        + "\"receivedAt\":\"2026-12-09T09:00:00Z\",\"reason\":\"too small\","
                        + "\"items\":[{\"itemId\":\"1968655\",\"quantity\":1}]}");
        assertThat(back.statusCode()).as(text(back)).isEqualTo(201);
        awaitOutbound(order.orderId(), "return", "sent");
        var returns = simulator().accepted("return-items").stream()
                .filter(call -> call.body().contains(returnKey))
                .toList();
        assertThat(returns).hasSize(1);
        var returned = Json.array(returns.get(0).body().getBytes(StandardCharsets.UTF_8))
                .getJsonObject(0);
        assertThat(returned.getString("returnKey")).isEqualTo(returnKey);
        assertThat(returned.getString("received")).isEqualTo("2026-12-09 09:00:00");
        assertThat(returned.getString("returnReason")).isEqualTo("too small");
        assertThat(returned.getString("merchantReferenceKey")).isEqualTo(merchant.key());
        var items = simulator()
                .orderJson("fa", "AT", order.scayleOrderId())
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(items)
                .extracting(item -> item.getJsonNumber("id").longValue() + "=" + item.getString("status"))
                .containsExactlyInAnyOrder("1968655=returned", "1968656=cancelled");
    }

    @Test
    @Order(6)
    void aReturnReportedWhileItsShipmentIsHeldUpReachesScayleAfterIt() {
        connectScayle();
        var order = order();
        var tracking = tracking();
        simulator()
                .script(
                        ScayleAdminSimulator.Reply.serviceUnavailable(1),
                        ScayleAdminSimulator.Reply.serviceUnavailable(1));
        var shipped = ship(order, tracking);
        var returnKey = shipped.getJsonArray("items").getJsonObject(0).getString("returnKey");
        var back = report(
                "returns",
                "{\"returnKey\":\"" + key() + "\",\"orderId\":\"" + order.orderId() + "\","
                        + "\"receivedAt\":\"2026-12-09T09:00:00Z\",\"reason\":\"too small\","
                        + "\"items\":[{\"itemId\":\"1968655\",\"quantity\":1}]}");
        assertThat(back.statusCode()).as(text(back)).isEqualTo(201);

        awaitOutbound(order.orderId(), "return", "sent");
        assertThat(outboundStatus(order.orderId(), "shipment")).isEqualTo("sent");
        // the return waited for its shipment: SCAYLE knew the return key when it came, and took it once
        var posts = simulator().calls().stream()
                .filter(call -> call.method().equals("POST")
                        && (call.body().contains(tracking) || call.body().contains(returnKey))
                        && (call.path().endsWith("/fulfillment/shipments")
                                || call.path().endsWith("/fulfillment/return-items")))
                .toList();
        assertThat(posts)
                .extracting(call -> call.path().substring(call.path().lastIndexOf('/') + 1) + " " + call.status())
                .containsExactly("shipments 503", "shipments 503", "shipments 201", "return-items 201");
    }

    @Test
    @Order(7)
    void aRefusedCallEndsDeadWithScaylesErrorsReadableAndGoesOutWhenRetried() {
        connectScayle();
        var order = order();
        var tracking = tracking();
        simulator().script(ScayleAdminSimulator.Reply.badRequest("carrier_unknown", "Carrier DHL is not configured."));
        ship(order, tracking);

        awaitOutbound(order.orderId(), "shipment", "dead");
        var recorded = calls(order);
        assertThat(recorded).hasSize(1);
        var call = recorded.get(0);
        assertThat(call.getString("outcome")).isEqualTo("rejected");
        assertThat(call.getInt("lastStatus")).isEqualTo(400);
        assertThat(call.getString("lastError")).contains("carrier_unknown").contains("Carrier DHL is not configured.");
        var errors = Json.array(call.getString("errors").getBytes(StandardCharsets.UTF_8));
        assertThat(errors.getJsonObject(0).getString("errorKey")).isEqualTo("carrier_unknown");
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.outbound.dead' AND subject_key = ?",
                        order.orderId()))
                .isEqualTo(1);
        assertThat(rows(
                        "SELECT state, last_error FROM job WHERE job_type = 'fulfilment.scayle-call' AND dedupe_key = "
                                + "(SELECT 'ful_outbound:' || outbound_id FROM ful_outbound WHERE order_id = ?)",
                        order.orderId()))
                .singleElement()
                .satisfies(job -> {
                    assertThat(job.get("state")).isEqualTo("dead");
                    assertThat((String) job.get("last_error")).contains("carrier_unknown");
                });

        // SCAYLE's side is fixed; staff retry the dead job: the shipment goes out, once
        var jobId = (Long) rows(
                        "SELECT job_id FROM job WHERE job_type = 'fulfilment.scayle-call' AND dedupe_key = "
                                + "(SELECT 'ful_outbound:' || outbound_id FROM ful_outbound WHERE order_id = ?)",
                        order.orderId())
                .get(0)
                .get("job_id");
        var retried = post("api/admin/jobs/" + jobId + "/retry", admin(), null, new byte[0]);
        assertThat(retried.statusCode()).as(text(retried)).isEqualTo(200);
        awaitOutbound(order.orderId(), "shipment", "sent");
        assertThat(acceptedShipments(tracking)).hasSize(1);
        assertThat(calls(order).get(0).getString("outcome")).isEqualTo("sent");
    }
}
