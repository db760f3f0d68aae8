package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.ScalepointSimulator.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching announced orders from Scalepoint's Order Data API (the simulator) with tokens from its
 * Authorization Server (private_key_jwt, verified for real by the simulator), through the job
 * queue: snapshots, every failure mode, refresh, and publishing events back.
 */
class ScalepointFetchIT extends ScalepointBase {

    static final Duration WAIT = Duration.ofSeconds(60);

    Client client;

    @BeforeEach
    void connectToTheSimulator() {
        connect();
        client = newClient();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<JsonObject> attempts(JsonObject order) {
        var attempts = new ArrayList<>(order.getJsonArray("attempts").getValuesAs(JsonObject.class));
        java.util.Collections.reverse(attempts); // the API lists newest first
        return attempts;
    }

    @Test
    void anAnnouncedOrderIsFetchedAndStoredExactlyAsReceived() throws Exception {
        var token = newOrderToken();
        var body = orderData(token, "Created");
        scalepoint().putOrder(token, body);

        announce(client, token);
        var order = awaitStatus(token, "fetched", WAIT);

        var snapshots = order.getJsonArray("snapshots").getValuesAs(JsonObject.class);
        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).getInt("version")).isEqualTo(1);
        assertThat(snapshots.get(0).getString("sha256")).isEqualTo(sha256(body));
        assertThat(snapshots
                        .get(0)
                        .getJsonObject("body")
                        .getJsonObject("somethingNew")
                        .getBoolean("kept"))
                .isTrue();
        assertThat(rows("SELECT body FROM sp_snapshot WHERE order_token = ?", token.toLowerCase(Locale.ROOT)))
                .extracting(row -> row.get("body"))
                .containsExactly(body);
        var extracted = order.getJsonObject("order");
        assertThat(extracted.getString("orderNumber")).isEqualTo("7001234");
        assertThat(extracted.getJsonObject("deliveryAddress").getString("city")).isEqualTo("Aarhus C");
        assertThat(extracted.getJsonObject("contact").getString("email")).isEqualTo("jens@example.dk");
        assertThat(extracted.getJsonArray("lines").getJsonObject(0).getString("productId"))
                .isEqualTo("5701234567890");
        var summary = order.getJsonObject("summary");
        assertThat(summary.getInt("lineCount")).isEqualTo(1);
        assertThat(summary.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo(new BigDecimal("6999.00"));
        assertThat(summary.getString("orderStatus")).isEqualTo("Created");
        assertThat(attempts(order))
                .extracting(a -> a.getString("outcome") + ":" + a.getInt("httpStatus"))
                .containsExactly("new-version:200");
        assertThat(scalepoint().orderRequests(token)).isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scalepoint.order.fetched' "
                                + "AND subject_key = ?",
                        token.toLowerCase(Locale.ROOT)))
                .isEqualTo(1);
    }

    @Test
    void readingAnOrderThroughTheAdminApiIsAuditedOncePerRead() {
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        announce(client, token);
        awaitStatus(token, "fetched", WAIT);
        var viewed = "SELECT count(*) FROM audit_record WHERE action = 'scalepoint.order.viewed' AND subject_key = ? "
                + "AND subject_type = 'scalepoint-order' AND actor_type = 'user' AND actor = 'admin' "
                + "AND detail->>'channel' = 'api'";
        long before = count(viewed, token.toLowerCase(Locale.ROOT));

        var order = order(token);

        // the claimant's address went out: who read it is on the trail
        assertThat(order.getJsonObject("order").getJsonObject("deliveryAddress").getString("city"))
                .isEqualTo("Aarhus C");
        assertThat(count(viewed, token.toLowerCase(Locale.ROOT))).isEqualTo(before + 1);
        // a list is not a read of this order, but a listing of claimants' names and e-mails: one record
        var caseNumber = "LIST-" + UUID.randomUUID().toString().substring(0, 8);
        var listed = "SELECT count(*) FROM audit_record WHERE action = 'scalepoint.orders.listed' "
                + "AND actor = 'admin' AND detail->>'channel' = 'api' AND detail->>'filter' LIKE ?";
        assertThat(get("api/admin/scalepoint/orders?size=5&caseNumber=" + caseNumber, admin())
                        .statusCode())
                .isEqualTo(200);
        assertThat(count(viewed, token.toLowerCase(Locale.ROOT))).isEqualTo(before + 1);
        assertThat(count(listed, "%" + caseNumber + "%")).isEqualTo(1);
    }

    @Test
    void ordersAnnouncedBeforeOrderGateIsConnectedAreFetchedOnceItIs() {
        assertThat(count("DELETE FROM sp_connection RETURNING 1")).isEqualTo(1);
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));

        announce(client, token);
        var waiting = awaitStatus(token, "failed", WAIT);

        assertThat(waiting.getJsonObject("summary").getString("lastError")).contains("not connected");
        assertThat(scalepoint().orderRequests(token)).isZero();
        connect();
        awaitStatus(token, "fetched", WAIT);
    }

    @Test
    void redeliveredAndCaseChangedEventsMakeOneOrderAndOneFetch() throws Exception {
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        var event = ScalepointEvents.orderCreated(
                token, "8418F893-02AF-43AF-802B-F7F71C243969", "2018-12-27T08:46:36+0200");

        assertThat(event(bearer(client), event).statusCode()).isEqualTo(202);
        assertThat(event(bearer(client), event).statusCode()).isEqualTo(202);
        assertThat(event(bearer(client), event.replace(token, token.toLowerCase(Locale.ROOT)))
                        .statusCode())
                .isEqualTo(202);
        awaitStatus(token, "fetched", WAIT);
        announce(client, token); // a later, different event about the same order
        Thread.sleep(1500); // room for a second fetch, if one were (wrongly) queued

        var lower = token.toLowerCase(Locale.ROOT);
        assertThat(scalepoint().orderRequests(token)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sp_order WHERE order_token = ?", lower))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM job WHERE job_type = 'scalepoint.fetch-order' AND dedupe_key = ?", lower))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sp_fetch WHERE order_token = ?", lower))
                .isEqualTo(1);
    }

    @Test
    void oneTokenServesManyFetches() {
        var issuedBefore = scalepoint().tokensIssued();
        var tokens = new ArrayList<String>();
        for (int i = 0; i < 25; i++) {
            var token = newOrderToken();
            scalepoint().putOrder(token, orderData(token, "Created"));
            tokens.add(token);
        }
        tokens.forEach(token -> announce(client, token));

        tokens.forEach(token -> awaitStatus(token, "fetched", WAIT));

        assertThat(scalepoint().tokensIssued() - issuedBefore).isBetween(1, 2);
        assertThat(scalepoint().scopesRequested()).contains("orderdata events");
        assertThat(scalepoint().tokenRejections()).noneMatch(reason -> reason.contains("jti"));
    }

    @Test
    void everyFailureModeEndsFetchedWithItsFailedAttemptsRecorded() {
        var failures = new LinkedHashMap<String, Reply>();
        failures.put("503", Reply.serviceUnavailable(1));
        failures.put("429", Reply.tooManyRequests(1));
        failures.put("500", Reply.serverError());
        failures.put("garbage", Reply.garbage());
        failures.put("slow", Reply.slow(Duration.ofSeconds(4)));
        failures.put("redirect", Reply.redirect("http://elsewhere.example.com/api/Orders"));
        failures.put("huge", Reply.huge(300_000));
        var expected = Map.of(
                "503",
                "503",
                "429",
                "429",
                "500",
                "500",
                "garbage",
                "not JSON",
                "slow",
                "could not be reached",
                "redirect",
                "does not follow redirects",
                "huge",
                "more than the limit");
        var tokens = new LinkedHashMap<String, String>();
        failures.forEach((name, reply) -> {
            var token = newOrderToken();
            scalepoint().putOrder(token, orderData(token, "Created"));
            scalepoint().script(token, reply);
            tokens.put(name, token);
        });
        tokens.values().forEach(token -> announce(client, token));

        tokens.forEach((name, token) -> {
            var order = awaitStatus(token, "fetched", WAIT);
            var attempts = attempts(order);
            assertThat(attempts).as(name).hasSizeGreaterThanOrEqualTo(2);
            assertThat(attempts.get(attempts.size() - 1).getString("outcome"))
                    .as(name)
                    .isEqualTo("new-version");
            assertThat(attempts.subList(0, attempts.size() - 1))
                    .as(name)
                    .allMatch(a -> a.getString("outcome").equals("failed"))
                    .anyMatch(a -> a.getString("error").contains(expected.get(name)));
            assertThat(order.getJsonArray("snapshots")).as(name).hasSize(1);
        });
        assertThat(scalepoint().internalErrors()).isEmpty();
    }

    @Test
    void anOutageOpensTheCircuitAndEveryOrderIsFetchedAfterIt() {
        var tokens = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            var token = newOrderToken();
            scalepoint().putOrder(token, orderData(token, "Created"));
            tokens.add(token);
        }
        var lower = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        scalepoint().outage(Reply.serviceUnavailable(1));
        try {
            tokens.forEach(token -> announce(client, token));

            // A fetch refused by the open breaker is no failed attempt: its job waits for the breaker.
            await(
                    "the circuit breaker to open",
                    WAIT,
                    () -> count(
                                            "SELECT count(*) FROM job WHERE dedupe_key = "
                                                    + "ANY (?) AND last_error LIKE 'Waiting for the circuit breaker until %'",
                                            (Object) lower)
                                    > 0
                            ? true
                            : null);
            assertThat(count(
                            "SELECT count(*) FROM sp_fetch WHERE order_token = ANY (?) AND error LIKE '%circuit%'",
                            (Object) lower))
                    .isZero();
            assertThat(count("SELECT count(*) FROM sp_order WHERE order_token = ANY (?) AND status = 'failed'", (Object)
                            lower))
                    .isPositive();
            var status = Json.object(get("api/admin/scalepoint/status", admin()).body());
            assertThat(status.getString("circuit")).isEqualTo("open");
            assertThat(status.getString("circuitOpenSince")).isNotBlank();
            assertThat(status.getJsonObject("lastFetchError").getString("error"))
                    .isNotBlank();
        } finally {
            scalepoint().outage(null);
        }

        tokens.forEach(token -> awaitStatus(token, "fetched", WAIT));
        var recovered = Json.object(get("api/admin/scalepoint/status", admin()).body());
        assertThat(recovered.getString("circuit")).isEqualTo("closed");
        assertThat(recovered.getJsonObject("orders").getJsonNumber("fetched").longValue())
                .isGreaterThanOrEqualTo(tokens.size());
        assertThat(recovered.getBoolean("connected")).isTrue();
        assertThat(count("SELECT count(*) FROM sp_snapshot WHERE order_token = ANY (?)", (Object) lower))
                .isEqualTo(tokens.size());
    }

    @Test
    void retryAfterIsHonoured() {
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        scalepoint().script(token, Reply.serviceUnavailable(3));

        announce(client, token);
        var attempts = attempts(awaitStatus(token, "fetched", WAIT));

        assertThat(attempts).extracting(a -> a.getString("outcome")).containsExactly("failed", "new-version");
        assertThat(attempts.get(0).getInt("httpStatus")).isEqualTo(503);
        var waited = Duration.between(
                Instant.parse(attempts.get(0).getString("finishedAt")),
                Instant.parse(attempts.get(1).getString("startedAt")));
        // without Retry-After the queue would have tried again after about 0.2 s
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    }

    @Test
    void anOrderOrderDataDoesNotKnowEndsDeadAndARetryFetchesItLater() {
        var token = newOrderToken();

        announce(client, token);
        var dead = awaitStatus(token, "dead", WAIT);

        assertThat(attempts(dead)).hasSize(3).allMatch(a -> a.getInt("httpStatus") == 404);
        assertThat(dead.getJsonObject("summary").getString("lastError")).contains("does not know order");
        var jobId = dead.getJsonObject("summary").getJsonNumber("fetchJobId").longValue();
        var job = Json.object(get("api/admin/jobs/" + jobId, admin()).body());
        assertThat(job.getString("state")).isEqualTo("dead");
        assertThat(job.getJsonArray("attemptHistory")).hasSize(3);
        var listed = Json.object(
                get("api/admin/scalepoint/orders?status=dead&size=200", admin()).body());
        assertThat(listed.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("orderToken"))
                .contains(token.toLowerCase(Locale.ROOT));

        scalepoint().putOrder(token, orderData(token, "Created"));
        assertThat(post("api/admin/jobs/" + jobId + "/retry", admin(), null, new byte[0])
                        .statusCode())
                .isEqualTo(200);

        awaitStatus(token, "fetched", WAIT);
    }

    @Test
    void aRefreshStoresANewVersionOnlyWhenTheContentChanged() {
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        announce(client, token);
        awaitStatus(token, "fetched", WAIT);
        scalepoint().putOrder(token, orderData(token, "Shipped"));

        var refresh = post("api/admin/scalepoint/orders/" + token + "/refresh", admin(), null, new byte[0]);

        assertThat(refresh.statusCode()).isEqualTo(202);
        assertThat(Json.object(refresh.body()).getJsonNumber("jobId").longValue())
                .isPositive();
        // The detail is read in several statements: wait until all of them show the second version.
        var changed = await("a second version", WAIT, () -> {
            var order = order(token);
            return order.getJsonArray("snapshots").size() == 2
                            && order.getJsonObject("summary").getInt("snapshotVersion") == 2
                    ? order
                    : null;
        });
        assertThat(changed.getJsonObject("summary").getString("orderStatus")).isEqualTo("Shipped");
        assertThat(changed.getJsonObject("summary").getInt("snapshotVersion")).isEqualTo(2);

        post("api/admin/scalepoint/orders/" + token + "/refresh", admin(), null, new byte[0]);
        var unchanged = await("a third fetch", WAIT, () -> {
            var order = order(token);
            return order.getJsonArray("attempts").size() == 3 ? order : null;
        });
        assertThat(attempts(unchanged))
                .extracting(a -> a.getString("outcome"))
                .containsExactly("new-version", "new-version", "unchanged");
        assertThat(unchanged.getJsonArray("snapshots")).hasSize(2);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scalepoint.order.refresh-requested' "
                                + "AND subject_key = ? AND actor = 'admin'",
                        token.toLowerCase(Locale.ROOT)))
                .isEqualTo(2);
        var unknown = post("api/admin/scalepoint/orders/" + UUID.randomUUID() + "/refresh", admin(), null, new byte[0]);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aRefreshWhileAFetchIsRunningQueuesTheNextFetch() {
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        scalepoint().script(token, Reply.slow(Duration.ofMillis(1500)));
        announce(client, token);
        await("the first fetch in flight", WAIT, () -> scalepoint().orderRequests(token) == 1 ? true : null);

        var refresh = post("api/admin/scalepoint/orders/" + token + "/refresh", admin(), null, new byte[0]);

        // The running fetch may already have read the order: the refresh must not be merged into it.
        assertThat(refresh.statusCode()).isEqualTo(202);
        assertThat(Json.object(refresh.body()).getBoolean("alreadyQueued")).isFalse();
        var twice = await("two fetches", WAIT, () -> {
            var order = order(token);
            return order.getJsonArray("attempts").size() == 2 ? order : null;
        });
        assertThat(twice.getString("status")).isEqualTo("fetched");
        assertThat(scalepoint().orderRequests(token)).isEqualTo(2);
    }

    @Test
    void publishedEventsAreRetriedUntilScalepointAcceptsThem() {
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        announce(client, token);
        awaitStatus(token, "fetched", WAIT);
        // scripted for this order's events only: a stock event of another test may be sent meanwhile
        scalepoint()
                .scriptSendContaining(token.toLowerCase(Locale.ROOT), Reply.serviceUnavailable(1), Reply.serverError());

        var accepted = post(
                "api/admin/scalepoint/orders/" + token + "/events",
                admin(),
                "application/json",
                "{\"eventType\": \"order_status_changed\", \"payload\": {\"status\": \"Shipped\", \"trackingNumber\": \"TT123\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(202);
        var correlationId = Json.object(accepted.body()).getString("correlationId");
        var sent = await("the event sent", WAIT, () -> {
            var publication = order(token).getJsonArray("publications").getJsonObject(0);
            return publication.getString("status").equals("sent") ? publication : null;
        });
        assertThat(sent.getInt("httpStatus")).isEqualTo(202);
        var received = scalepoint().sentEvents().stream()
                .filter(e -> e.body().contains(correlationId))
                .toList();
        assertThat(received).hasSize(1);
        var envelope = Json.object(received.get(0).body().getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.getString("eventType")).isEqualTo("order_status_changed");
        assertThat(envelope.getString("payloadVersion")).isEqualTo("1.0.0");
        assertThat(envelope.getString("orderToken")).isEqualTo(token.toLowerCase(Locale.ROOT));
        assertThat(envelope.getString("status")).isEqualTo("Shipped");
        assertThat(Instant.parse(envelope.getString("timestamp"))).isBefore(Instant.now());
        assertThat(received.get(0).header("X-Event-Type")).isEqualTo("order_status_changed");
        assertThat(received.get(0).country()).isEqualTo("dk");
        assertThat(received.get(0).tenant()).isEqualTo("ordergate");
        var job =
                Json.object(get("api/admin/jobs/" + sent.getJsonNumber("jobId").longValue(), admin())
                        .body());
        assertThat(job.getJsonArray("attemptHistory").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("outcome"))
                .containsExactly("retry", "retry", "succeeded");
    }

    @Test
    void anEventScalepointRejectsEndsDeadAndBadRequestsAreRefused() {
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        announce(client, token);
        awaitStatus(token, "fetched", WAIT);
        scalepoint()
                .scriptSendContaining(
                        token.toLowerCase(Locale.ROOT),
                        Reply.status(400, "application/json", "{\"error\": \"unknown eventType\"}", null));

        var accepted = post(
                "api/admin/scalepoint/orders/" + token + "/events",
                admin(),
                "application/json",
                "{\"eventType\": \"delivery_planned\", \"payload\": {}}".getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(202);
        var dead = await("the event dead", WAIT, () -> {
            var publication = order(token).getJsonArray("publications").getJsonObject(0);
            return publication.getString("status").equals("dead") ? publication : null;
        });
        assertThat(dead.getString("lastError")).contains("unknown eventType");

        for (var bad : List.of(
                "{\"eventType\": \"Order Status\"}",
                "{\"payload\": {}}",
                "{\"eventType\": \"order_status_changed\", \"payload\": {\"eventType\": \"x\"}}",
                "{\"eventType\": \"order_status_changed\", \"payload\": [1]}",
                "not json")) {
            var refused = post(
                    "api/admin/scalepoint/orders/" + token + "/events",
                    admin(),
                    "application/json",
                    bad.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(bad).hasValue("application/problem+json");
        }
        var unknown = post(
                "api/admin/scalepoint/orders/" + UUID.randomUUID() + "/events",
                admin(),
                "application/json",
                "{\"eventType\": \"order_status_changed\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
