package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.ScalepointSimulator.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scalepoint orders stay current: the refresh schedule fetches an open order again and a changed
 * version reaches the feed; a closing Order Data status stops fulfilment for the order (what is left
 * is cancelled, its stock released, staff told); an order fulfilment finished leaves the schedule;
 * nothing is queued while the circuit breaker refuses calls.
 *
 * <p>The deployment keeps the default interval (an hour), so no other test's order comes due: this
 * test makes its own orders due in the database and runs a tick through the admin API.
 */
class ScalepointRefreshIT extends FulfilmentBase {

    static final Duration WAIT = Duration.ofSeconds(60);

    static String lower(String token) {
        return token.toLowerCase(Locale.ROOT);
    }

    /** The order comes due now, as if its interval had passed. */
    static void due(String token) {
        try (var db = ItEnvironment.connect();
                var update = db.prepareStatement(
                        "UPDATE sp_order SET next_refresh_at = now() - interval '1 second' WHERE order_token = ?")) {
            update.setString(1, lower(token));
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonObject tick() {
        var response = post("api/admin/scalepoint/refresh-schedule/run", admin(), null, new byte[0]);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return Json.object(response.body());
    }

    JsonObject summary(String token) {
        return order(token).getJsonObject("summary");
    }

    void awaitVersions(String token, int versions) {
        await(
                "version " + versions + " of " + token,
                WAIT,
                () -> order(token).getJsonArray("snapshots").size() >= versions ? true : null);
    }

    List<JsonObject> changesOf(String bearer, String start, String orderId) {
        var found = new ArrayList<JsonObject>();
        var next = start;
        while (true) {
            var response = get("api/fulfilment/feed?limit=500&after=" + next, bearer);
            assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
            var page = Json.object(response.body());
            var changes = page.getJsonArray("changes").getValuesAs(JsonObject.class);
            if (changes.isEmpty()) {
                return found;
            }
            changes.stream()
                    .filter(c -> c.getJsonObject("order").getString("orderId").equals(orderId))
                    .forEach(found::add);
            next = page.getString("next");
        }
    }

    HttpResponse<byte[]> report(String bearer, String kind, String body) {
        return post("api/fulfilment/" + kind, bearer, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static String ship(String orderId, String itemId, int quantity) {
        return FulfilmentReportsIT.shipment(UUID.randomUUID().toString(), orderId, itemId, quantity);
    }

    /** Order Data with one line of {@code quantity} units of {@code sku}. */
    static String orderData(String token, String status, String sku, int quantity) {
        return orderData(token, status)
                .replace("5701234567890", sku)
                .replace("\"quantity\": 1,", "\"quantity\": " + quantity + ",");
    }

    String announced(Client client, String body, String token) {
        scalepoint().putOrder(token, body);
        announce(client, token);
        awaitStatus(token, "fetched", WAIT);
        return "scalepoint:" + lower(token);
    }

    @Test
    void theScheduleFetchesAnOpenOrderAgainAndAChangedAddressReachesTheFeed() {
        connect();
        var client = newClient();
        var bearer = bearer(newFulfilmentClient());
        var start = "0";
        var token = newOrderToken();
        var orderId = announced(client, orderData(token, "Created"), token);

        // on the schedule: an interval (an hour in this deployment) after its fetch, plus up to a tenth
        var first = summary(token);
        var fetchedAt = Instant.parse(first.getString("fetchedAt"));
        assertThat(Instant.parse(first.getString("nextRefreshAt")))
                .isBetween(fetchedAt.plus(Duration.ofHours(1)), fetchedAt.plus(Duration.ofMinutes(66)));
        assertThat(first.containsKey("refreshStopped")).isFalse();

        // the claimant moves; nobody tells us, but the schedule comes round
        scalepoint().putOrder(token, orderData(token, "Confirmed").replace("Vestergade 1", "Norregade 5"));
        int requests = scalepoint().orderRequests(token);
        due(token);
        var tick = tick();
        assertThat(tick.containsKey("skipped")).as(tick.toString()).isFalse();
        awaitVersions(token, 2);
        assertThat(scalepoint().orderRequests(token)).isEqualTo(requests + 1);

        var changes = changesOf(bearer, start, orderId);
        assertThat(changes).extracting(c -> c.getString("kind")).containsExactly("order.created", "order.updated");
        var updated = changes.get(1).getJsonObject("order");
        assertThat(updated.getJsonObject("shipTo").getString("street")).isEqualTo("Norregade 5");
        assertThat(updated.getInt("version")).isEqualTo(2);
        assertThat(updated.getString("status")).isEqualTo("open");

        // and it is due again an interval after this fetch
        var again = summary(token);
        assertThat(again.getString("orderStatus")).isEqualTo("Confirmed");
        assertThat(Instant.parse(again.getString("nextRefreshAt")))
                .isAfterOrEqualTo(Instant.parse(again.getString("fetchedAt")).plus(Duration.ofHours(1)));
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'scalepoint.refresh-schedule.run'"))
                .isPositive();
    }

    @Test
    void aRefreshThatIsAlreadyWaitingIsNotDoubled() {
        connect();
        var client = newClient();
        var token = newOrderToken();
        announced(client, orderData(token, "Created"), token);

        // a staff refresh meets a 429: its fetch waits half a minute, backing off
        scalepoint().script(token, Reply.tooManyRequests(30));
        assertThat(post("api/admin/scalepoint/orders/" + token + "/refresh", admin(), null, new byte[0])
                        .statusCode())
                .isEqualTo(202);
        await(
                "the refresh to back off",
                WAIT,
                () -> count(
                                        "SELECT count(*) FROM job WHERE dedupe_key = ? AND state = 'pending' "
                                                + "AND last_status = 429",
                                        lower(token))
                                == 1
                        ? true
                        : null);

        due(token);
        tick();
        // the tick took the order (its next refresh moved an interval ahead) but queued no second fetch
        assertThat(count(
                        "SELECT count(*) FROM sp_order WHERE order_token = ? AND next_refresh_at > now() + "
                                + "interval '59 minutes'",
                        lower(token)))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM job WHERE dedupe_key = ? AND state = 'pending'", lower(token)))
                .isEqualTo(1);
    }

    @Test
    void aClosingStatusCancelsWhatIsLeftReleasesTheStockAndFlagsTheOrder() {
        connect();
        var client = newClient();
        var bearer = bearer(newFulfilmentClient());
        var sku = sku();
        stock(bearer, "{\"sku\":\"" + sku + "\",\"onHand\":10}");

        // nothing shipped yet: the order is cancelled
        var untouched = newOrderToken();
        var untouchedId = announced(client, orderData(untouched, "Created", sku, 2), untouched);
        // one of three shipped: the rest is cancelled, the order stays shipped as far as it went
        var started = newOrderToken();
        var startedId = announced(client, orderData(started, "Created", sku, 3), started);
        assertThat(level(bearer, sku).getInt("reserved")).isEqualTo(5);
        assertThat(report(bearer, "shipments", ship(startedId, "1", 1)).statusCode())
                .isEqualTo(201);
        assertThat(level(bearer, sku).getInt("reserved")).isEqualTo(4);

        // Scalepoint cancels both (the default closing statuses are the project's choice: Cancelled, Closed, Rejected)
        scalepoint().putOrder(untouched, orderData(untouched, "Cancelled", sku, 2));
        scalepoint().putOrder(started, orderData(started, "closed", sku, 3));
        due(untouched);
        due(started);
        tick();
        awaitVersions(untouched, 2);
        awaitVersions(started, 2);

        var cancelled = changesOf(bearer, "0", untouchedId);
        assertThat(cancelled).extracting(c -> c.getString("kind")).containsExactly("order.created", "order.cancelled");
        var cancelledOrder = cancelled.get(1).getJsonObject("order");
        assertThat(cancelledOrder.getString("status")).isEqualTo("cancelled");
        assertThat(cancelledOrder.getJsonArray("items").getJsonObject(0).getInt("cancelled"))
                .isEqualTo(2);

        var updated = changesOf(bearer, "0", startedId);
        assertThat(updated)
                .extracting(c -> c.getString("kind"))
                .containsExactly("order.created", "order.updated", "order.updated");
        var item = updated.get(2).getJsonObject("order").getJsonArray("items").getJsonObject(0);
        assertThat(item.getInt("shipped")).isEqualTo(1);
        assertThat(item.getInt("cancelled")).isEqualTo(2);
        assertThat(updated.get(2).getJsonObject("order").getString("status")).isEqualTo("shipped");

        // everything reserved for them is back; each is flagged for staff, saying why
        assertThat(level(bearer, sku).getInt("reserved")).isZero();
        assertThat(level(bearer, sku).getInt("available")).isEqualTo(9);
        assertThat(count(
                        "SELECT count(*) FROM ful_order WHERE order_id = ? AND attention LIKE "
                                + "'Scalepoint closed the order (status Cancelled)%'",
                        untouchedId))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM ful_order WHERE order_id = ? AND attention LIKE "
                                + "'Scalepoint closed the order (status closed)%after items had shipped.'",
                        startedId))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM stock_journal WHERE reference = ? AND cause = 'released'", startedId))
                .isPositive();

        // a later shipment of a cancelled unit is refused
        var late = report(bearer, "shipments", ship(startedId, "1", 1));
        assertThat(late.statusCode()).as(text(late)).isEqualTo(422);

        // both are off the schedule for good, and say why
        var off = summary(started);
        assertThat(off.containsKey("nextRefreshAt")).isFalse();
        assertThat(off.getString("refreshStopped")).isEqualTo("Scalepoint status closed (Order Data version 2)");
        assertThat(count(
                        "SELECT count(*) FROM sp_order WHERE order_token = ANY (?) AND next_refresh_at IS NULL",
                        (Object) new String[] {lower(untouched), lower(started)}))
                .isEqualTo(2);
    }

    @Test
    void anOrderFulfilmentFinishedLeavesTheSchedule() {
        connect();
        var client = newClient();
        var bearer = bearer(newFulfilmentClient());
        var token = newOrderToken();
        var sku = sku();
        var orderId = announced(client, orderData(token, "Created", sku, 2), token);
        assertThat(summary(token).containsKey("nextRefreshAt")).isTrue();

        assertThat(report(bearer, "shipments", ship(orderId, "1", 2)).statusCode())
                .isEqualTo(201);

        var finished = summary(token);
        assertThat(finished.containsKey("nextRefreshAt")).isFalse();
        assertThat(finished.getString("refreshStopped")).isEqualTo("Fulfilment: the order is shipped.");
        // a staff refresh still fetches it, and does not put it back on the schedule
        scalepoint().putOrder(token, orderData(token, "Delivered", sku, 2));
        assertThat(post("api/admin/scalepoint/orders/" + token + "/refresh", admin(), null, new byte[0])
                        .statusCode())
                .isEqualTo(202);
        awaitVersions(token, 2);
        assertThat(summary(token).containsKey("nextRefreshAt")).isFalse();
    }

    @Test
    void nothingIsQueuedWhileTheCircuitBreakerRefusesCalls() {
        connect();
        var client = newClient();
        var token = newOrderToken();
        announced(client, orderData(token, "Created"), token);

        var victims = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            var victim = newOrderToken();
            scalepoint().putOrder(victim, orderData(victim, "Created"));
            victims.add(lower(victim));
        }
        int requests;
        scalepoint().outage(Reply.serviceUnavailable(1));
        try {
            victims.forEach(victim -> announce(client, victim));
            await(
                    "the circuit breaker to refuse a fetch",
                    WAIT,
                    () -> count(
                                            "SELECT count(*) FROM job WHERE dedupe_key = ANY (?) "
                                                    + "AND last_error LIKE 'Waiting for the circuit breaker until %'",
                                            (Object) victims.toArray(String[]::new))
                                    > 0
                            ? true
                            : null);

            due(token);
            var tick = tick();
            assertThat(tick.getString("skipped")).as(tick.toString()).isEqualTo("circuit-open");
            assertThat(tick.getInt("queued")).isZero();
            var schedule = Json.object(
                    get("api/admin/scalepoint/refresh-schedule", admin()).body());
            assertThat(schedule.getBoolean("pausedByCircuit")).isTrue();
            assertThat(schedule.getJsonNumber("due").longValue()).isGreaterThanOrEqualTo(1);
            // still due, and no fetch queued for it
            assertThat(count(
                            "SELECT count(*) FROM sp_order WHERE order_token = ? AND next_refresh_at <= now()",
                            lower(token)))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM job WHERE dedupe_key = ? AND state = 'pending'", lower(token)))
                    .isZero();
            requests = scalepoint().orderRequests(token);
        } finally {
            scalepoint().outage(null);
        }

        // once Scalepoint answers again, the waiting fetches get through and the schedule resumes
        victims.forEach(victim -> awaitStatus(victim, "fetched", WAIT));
        // (the node's own tick may have come first)
        var resumed = tick();
        assertThat(resumed.containsKey("skipped")).as(resumed.toString()).isFalse();
        final int before = requests;
        await(
                "the due order to be fetched again",
                WAIT,
                () -> scalepoint().orderRequests(token) > before ? true : null);
        await(
                "the order to be on the schedule again",
                WAIT,
                () -> count(
                                        "SELECT count(*) FROM sp_order WHERE order_token = ? AND next_refresh_at > now()",
                                        lower(token))
                                == 1
                        ? true
                        : null);
    }

    @Test
    void theScheduleSaysHowItIsSet() {
        var schedule = get("api/admin/scalepoint/refresh-schedule", admin());
        assertThat(schedule.statusCode()).as(text(schedule)).isEqualTo(200);
        var json = Json.object(schedule.body());
        assertThat(json.getBoolean("enabled")).isTrue();
        assertThat(json.getString("interval")).isEqualTo("PT1H");
        assertThat(json.getInt("batch")).isEqualTo(100);
        assertThat(json.getJsonArray("closingStatuses").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .containsExactly("cancelled", "closed", "rejected");
    }
}
