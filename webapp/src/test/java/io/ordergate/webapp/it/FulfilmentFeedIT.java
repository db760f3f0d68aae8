package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The order feed (fulfilment spec §2): a SCAYLE order enters it when acknowledged, in the document
 * shape of the contract; a reader that follows {@code next} sees every change exactly once, also
 * when transactions commit out of order, slowly and concurrently; long polling returns as soon as a
 * change arrives.
 */
class FulfilmentFeedIT extends FulfilmentBase {

    record Page(List<JsonObject> changes, String next) {}

    Page read(String bearer, String query) {
        var response = get("api/fulfilment/feed" + query, bearer);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        var json = Json.object(response.body());
        return new Page(json.getJsonArray("changes").getValuesAs(JsonObject.class), json.getString("next"));
    }

    /** The feed's last position now: where a test starts following. */
    String head(String bearer) {
        var next = "0";
        while (true) {
            var page = read(bearer, "?limit=500&after=" + next);
            if (page.changes().isEmpty()) {
                return next;
            }
            next = page.next();
        }
    }

    /** A change as the application writes it, from a transaction the test controls. */
    static void insertChange(Connection db, String orderId) throws SQLException {
        try (var insert = db.prepareStatement("INSERT INTO ful_feed_change (order_id, kind, version, document, "
                + "created_at) VALUES (?, 'order.updated', 1, ?, ?)")) {
            insert.setString(1, orderId);
            insert.setString(2, "{\"orderId\":\"" + orderId + "\"}");
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    @Test
    void anAcknowledgedScayleOrderEntersTheFeedInTheContractsShape() {
        var bearer = bearer(newFulfilmentClient());
        var merchant = newMerchant();
        var start = head(bearer);
        var reference = Orders.newReference();
        var sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        stock(bearer, "{\"sku\":\"" + sku + "\",\"onHand\":1}");
        // item 2 asks 2 units of a SKU with one on the shelf
        var body = Orders.delegation(merchant.key(), reference).replace("SKU-738854", sku);
        assertThat(delegate(merchant, body, "feed").statusCode()).isEqualTo(201);

        var page = read(bearer, "?after=" + start);
        var mine = page.changes().stream()
                .filter(c -> c.getJsonObject("order").getString("reference").equals(reference))
                .toList();
        assertThat(mine).hasSize(1);
        var change = mine.get(0);
        assertThat(change.getString("kind")).isEqualTo("order.created");
        assertThat(Long.parseLong(change.getString("position"))).isGreaterThan(Long.parseLong(start));
        var order = change.getJsonObject("order");
        var orderId = "scayle:" + merchant.key() + ":" + reference;
        assertThat(order.getString("orderId")).isEqualTo(orderId);
        assertThat(order.getString("source")).isEqualTo("scayle");
        assertThat(order.getString("merchantKey")).isEqualTo(merchant.key());
        assertThat(order.getString("platformOrderId")).isEqualTo("99110901");
        assertThat(order.getString("status")).isEqualTo("open");
        assertThat(order.getInt("version")).isEqualTo(1);
        assertThat(order.getString("carrier")).isEqualTo("POST_AT");
        assertThat(order.getJsonObject("shipTo").getString("name")).isEqualTo("Jane Doe");
        assertThat(order.getJsonObject("shipTo").getString("street")).isEqualTo("Ring");
        assertThat(order.getJsonObject("shipTo").isNull("collectionPoint")).isTrue();
        assertThat(order.getJsonObject("customer").getString("email")).isEqualTo("jane@example.com");
        var items = order.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).getString("itemId")).isEqualTo("1968655");
        assertThat(items.get(0).getInt("deliverable")).isEqualTo(1);
        assertThat(items.get(0).getInt("cancelled")).isZero();
        assertThat(items.get(0).getInt("unitPrice")).isEqualTo(9900);
        assertThat(items.get(0).getString("currency")).isEqualTo("EUR");
        // what the stock could not give counts as cancelled from the start
        assertThat(items.get(1).getString("sku")).isEqualTo(sku);
        assertThat(items.get(1).getInt("ordered")).isEqualTo(2);
        assertThat(items.get(1).getInt("deliverable")).isEqualTo(1);
        assertThat(items.get(1).getInt("cancelled")).isEqualTo(1);
        assertThat(items.get(1).getString("warehouse")).isEqualTo("WH1");

        // a redelivery is no change
        assertThat(delegate(merchant, body, "again").statusCode()).isEqualTo(201);
        assertThat(read(bearer, "?after=" + change.getString("position")).changes().stream()
                        .filter(c ->
                                c.getJsonObject("order").getString("orderId").equals(orderId)))
                .isEmpty();
        // re-reading gives the same change at the same position
        assertThat(read(bearer, "?after=" + start).changes()).contains(change);

        var current = get("api/fulfilment/orders/" + orderId, bearer);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(Json.object(current.body())).isEqualTo(order);
        var unknown = get("api/fulfilment/orders/scayle:nobody:nothing", bearer);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.order.read' AND subject_key = ?",
                        orderId))
                .isEqualTo(1);
    }

    /** Every change of one order after {@code start}, reading until the feed has nothing more. */
    List<JsonObject> changesOf(String bearer, String start, String orderId) {
        var found = new ArrayList<JsonObject>();
        var next = start;
        while (true) {
            var page = read(bearer, "?limit=500&after=" + next);
            if (page.changes().isEmpty()) {
                return found;
            }
            page.changes().stream()
                    .filter(c -> c.getJsonObject("order").getString("orderId").equals(orderId))
                    .forEach(found::add);
            next = page.next();
        }
    }

    @Test
    void aScalepointOrderEntersAtItsFirstFetchAndAChangedAddressIsAnUpdateButAStatusAloneIsNot() {
        connect();
        var client = newClient();
        var bearer = bearer(newFulfilmentClient());
        var start = head(bearer);
        var token = newOrderToken();
        var orderId = "scalepoint:" + token.toLowerCase(java.util.Locale.ROOT);
        scalepoint().putOrder(token, orderData(token, "Created"));
        announce(client, token);
        awaitStatus(token, "fetched", Duration.ofSeconds(60));

        var created = changesOf(bearer, start, orderId);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).getString("kind")).isEqualTo("order.created");
        var order = created.get(0).getJsonObject("order");
        assertThat(order.getString("source")).isEqualTo("scalepoint");
        assertThat(order.isNull("merchantKey")).isTrue();
        assertThat(order.getString("reference")).isEqualTo(token.toLowerCase(java.util.Locale.ROOT));
        assertThat(order.getString("platformOrderId")).isEqualTo("7001234");
        assertThat(order.getString("status")).isEqualTo("open");
        assertThat(order.getJsonObject("shipTo").getString("name")).isEqualTo("Jens Hansen");
        assertThat(order.getJsonObject("shipTo").getString("zipCode")).isEqualTo("8000");
        assertThat(order.getJsonObject("customer").getString("phone")).isEqualTo("+4512345678");
        var item = order.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("itemId")).isEqualTo("1");
        assertThat(item.getString("sku")).isEqualTo("5701234567890");
        assertThat(item.getInt("ordered")).isEqualTo(1);
        assertThat(item.getInt("deliverable")).isEqualTo(1);
        // 6999.00 DKK in minor units, as SCAYLE's amounts are
        assertThat(item.getJsonNumber("unitPrice").longValue()).isEqualTo(699900);
        assertThat(item.getString("currency")).isEqualTo("DKK");

        // Scalepoint's own status moves on: a new snapshot, but nothing the warehouse needs
        scalepoint().putOrder(token, orderData(token, "Confirmed"));
        refreshAndAwaitVersion(token, 2);
        assertThat(changesOf(bearer, start, orderId)).hasSize(1);

        // the claimant moves: the warehouse must know
        scalepoint().putOrder(token, orderData(token, "Confirmed").replace("Vestergade 1", "Norregade 5"));
        refreshAndAwaitVersion(token, 3);
        var changes = changesOf(bearer, start, orderId);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).getString("kind")).isEqualTo("order.updated");
        assertThat(changes.get(1).getJsonObject("order").getInt("version")).isEqualTo(2);
        assertThat(changes.get(1).getJsonObject("order").getJsonObject("shipTo").getString("street"))
                .isEqualTo("Norregade 5");
        assertThat(Long.parseLong(changes.get(1).getString("position")))
                .isGreaterThan(Long.parseLong(changes.get(0).getString("position")));
    }

    @Test
    void aScalepointOrdersReservationFollowsItsLinesWhenANewVersionChangesThem() {
        connect();
        var client = newClient();
        var bearer = bearer(newFulfilmentClient());
        var tv = sku();
        var remote = sku();
        stock(bearer, "{\"sku\":\"" + tv + "\",\"onHand\":10},{\"sku\":\"" + remote + "\",\"onHand\":10}");
        var token = newOrderToken();
        var oneTv = orderData(token, "Created").replace("5701234567890", tv);
        scalepoint().putOrder(token, oneTv);
        announce(client, token);
        awaitStatus(token, "fetched", Duration.ofSeconds(60));
        assertThat(level(bearer, tv).getInt("reserved")).isEqualTo(1);

        // three TVs and a remote: two more TVs reserved, the remote as a new line
        var more = oneTv.replace("\"quantity\": 1,", "\"quantity\": 3,")
                .replace(
                        "\"total\": 6999.00}]",
                        "\"total\": 6999.00}, {\"lineId\": \"2\", \"productId\": \"" + remote
                                + "\", \"description\": \"Remote\", \"quantity\": 2, \"unitPrice\": 99.00}]");
        scalepoint().putOrder(token, more);
        refreshAndAwaitVersion(token, 2);
        assertThat(level(bearer, tv).getInt("reserved")).isEqualTo(3);
        assertThat(level(bearer, remote).getInt("reserved")).isEqualTo(2);

        // back to two TVs, the remote gone: what is no longer to ship is released
        scalepoint().putOrder(token, oneTv.replace("\"quantity\": 1,", "\"quantity\": 2,"));
        refreshAndAwaitVersion(token, 3);
        assertThat(level(bearer, tv).getInt("reserved")).isEqualTo(2);
        assertThat(level(bearer, tv).getInt("available")).isEqualTo(8);
        assertThat(level(bearer, remote).getInt("reserved")).isZero();
        var orderId = "scalepoint:" + token.toLowerCase(java.util.Locale.ROOT);
        var items = Json.object(get("api/fulfilment/orders/" + orderId, bearer).body())
                .getJsonArray("items");
        assertThat(items.getJsonObject(0).getInt("ordered")).isEqualTo(2);
        assertThat(items.getJsonObject(1).getInt("cancelled")).isEqualTo(2);
    }

    HttpResponse<byte[]> cancel(Merchant merchant, String reference) {
        return post(
                "api/scayle/order-cancellations",
                merchant.authorization(),
                "application/json",
                CancellationIT.cancellation(reference, merchant.key(), "[]").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aScayleCancellationCancelsWhatIsLeftReleasesItsStockAndReachesTheFeed() {
        var bearer = bearer(newFulfilmentClient());
        var merchant = newMerchant();
        var start = head(bearer);
        var sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        stock(bearer, "{\"sku\":\"" + sku + "\",\"onHand\":3}");
        var reference = Orders.newReference();
        var orderId = "scayle:" + merchant.key() + ":" + reference;
        assertThat(delegate(
                                merchant,
                                Orders.delegation(merchant.key(), reference).replace("SKU-1022643", sku),
                                "d")
                        .statusCode())
                .isEqualTo(201);
        assertThat(level(bearer, sku).getInt("reserved")).isEqualTo(1);

        var cancelled = cancel(merchant, reference);
        assertThat(cancelled.statusCode()).isEqualTo(201);
        assertThat(text(cancelled)).contains("\"cancellationResult\":\"successful\"");

        var changes = changesOf(bearer, start, orderId);
        assertThat(changes).extracting(c -> c.getString("kind")).containsExactly("order.created", "order.cancelled");
        var order = changes.get(1).getJsonObject("order");
        assertThat(order.getInt("version")).isEqualTo(2);
        assertThat(order.getString("status")).isEqualTo("cancelled");
        assertThat(order.getJsonArray("items").getValuesAs(JsonObject.class))
                .allSatisfy(item -> assertThat(item.getInt("cancelled")).isEqualTo(item.getInt("ordered")));
        assertThat(level(bearer, sku).getInt("reserved")).isZero();
        assertThat(count(
                        "SELECT count(*) FROM stock_journal WHERE sku = ? AND cause = 'released' AND reference = ?",
                        sku,
                        orderId))
                .isEqualTo(1);
        // SCAYLE retries: nothing more happens
        assertThat(cancel(merchant, reference).statusCode()).isEqualTo(201);
        assertThat(changesOf(bearer, start, orderId)).hasSize(2);
    }

    @Test
    void aCancellationNamingWarehousesCancelsOnlyTheItemsTheMerchantsMapPutsThere() {
        var bearer = bearer(newFulfilmentClient());
        var merchant = newMerchant();
        var settings = "api/admin/scayle/merchants/" + merchant.key() + "/settings";
        var mapped = put(settings, admin(), "{\"warehouses\":{\"1\":\"WH1\",\"2\":\"WH2\"}}");
        assertThat(mapped.statusCode()).as(text(mapped)).isEqualTo(200);
        assertThat(Json.object(mapped.body()).getJsonObject("warehouses").getString("2"))
                .isEqualTo("WH2");
        assertThat(Json.object(mapped.body()).getString("stockPolicy")).isEqualTo("trust");
        for (var bad :
                List.of("{\"warehouses\":{\"x\":\"WH1\"}}", "{\"warehouses\":{\"1\":\"\"}}", "{\"warehouses\":[]}")) {
            assertThat(put(settings, admin(), bad).statusCode()).as(bad).isEqualTo(400);
        }
        var start = head(bearer);
        var reference = Orders.newReference();
        var orderId = "scayle:" + merchant.key() + ":" + reference;
        var body = Orders.delegation(merchant.key(), reference);
        int last = body.lastIndexOf("\"WH1\"");
        body = body.substring(0, last) + "\"WH2\"" + body.substring(last + 5);
        assertThat(delegate(merchant, body, "d").statusCode()).isEqualTo(201);

        assertThat(post(
                                "api/scayle/order-cancellations",
                                merchant.authorization(),
                                "application/json",
                                CancellationIT.cancellation(reference, merchant.key(), "[2]")
                                        .getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(201);

        var changes = changesOf(bearer, start, orderId);
        assertThat(changes).extracting(c -> c.getString("kind")).containsExactly("order.created", "order.updated");
        var order = changes.get(1).getJsonObject("order");
        assertThat(order.getString("status")).isEqualTo("open");
        var items = order.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items.get(0).getString("warehouse")).isEqualTo("WH1");
        assertThat(items.get(0).getInt("cancelled")).isZero();
        assertThat(items.get(1).getString("warehouse")).isEqualTo("WH2");
        assertThat(items.get(1).getInt("cancelled")).isEqualTo(2);
    }

    @Test
    void aCancellationThatCameFirstIsAppliedWhenItsOrderArrives() {
        var bearer = bearer(newFulfilmentClient());
        var merchant = newMerchant();
        var start = head(bearer);
        var reference = Orders.newReference();
        var orderId = "scayle:" + merchant.key() + ":" + reference;

        assertThat(cancel(merchant, reference).statusCode()).isEqualTo(201);
        assertThat(count(
                        "SELECT count(*) FROM scayle_cancellation WHERE merchant_key = ? AND unknown_order",
                        merchant.key()))
                .isEqualTo(1);

        var acknowledged = delegate(merchant, Orders.delegation(merchant.key(), reference), "late");
        assertThat(acknowledged.statusCode()).isEqualTo(201);
        assertThat(text(acknowledged)).contains("\"orderDelegationResult\":\"acknowledged\"");

        var changes = changesOf(bearer, start, orderId);
        assertThat(changes).extracting(c -> c.getString("kind")).containsExactly("order.created", "order.cancelled");
        assertThat(changes.get(1).getJsonObject("order").getString("status")).isEqualTo("cancelled");
        assertThat(count(
                        "SELECT count(*) FROM scayle_cancellation c JOIN scayle_delegation d "
                                + "ON d.delegation_id = c.delegation_id WHERE c.merchant_key = ? "
                                + "AND NOT c.unknown_order AND d.status = 'cancelled'",
                        merchant.key()))
                .isEqualTo(1);
    }

    void refreshAndAwaitVersion(String token, int version) {
        var refresh = post("api/admin/scalepoint/orders/" + token + "/refresh", admin(), null, new byte[0]);
        assertThat(refresh.statusCode()).isEqualTo(202);
        var deadline = Instant.now().plusSeconds(60);
        while (order(token).getJsonArray("snapshots").size() < version) {
            assertThat(Instant.now()).as("version " + version + " fetched").isBefore(deadline);
            Pause.sleep(Duration.ofMillis(200));
        }
    }

    @Test
    void badFeedParametersAreRefusedAndSaySo() {
        var bearer = bearer(newFulfilmentClient());
        for (var query : List.of(
                "?after=-1",
                "?after=abc",
                "?after=1.5",
                "?limit=0",
                "?limit=501",
                "?limit=x",
                "?wait=PT61S",
                "?wait=30",
                "?wait=-PT1S")) {
            var response = get("api/fulfilment/feed" + query, bearer);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(Json.object(response.body()).getString("detail"))
                    .as(query)
                    .isNotBlank();
        }
        assertThat(get("api/fulfilment/feed", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aWaitingReaderGetsAChangeAsSoonAsItCommits() throws Exception {
        var bearer = bearer(newFulfilmentClient());
        var start = head(bearer);
        var orderId = "test:" + UUID.randomUUID();
        var pool = Executors.newSingleThreadExecutor();
        try {
            var started = Instant.now();
            var waiting = pool.submit(() -> read(bearer, "?wait=PT20S&after=" + start));
            Pause.sleep(Duration.ofSeconds(1));
            try (var db = ItEnvironment.connect()) {
                insertChange(db, orderId);
            }
            var page = waiting.get();
            var took = Duration.between(started, Instant.now());
            assertThat(page.changes())
                    .extracting(c -> c.getJsonObject("order").getString("orderId"))
                    .contains(orderId);
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        } finally {
            pool.shutdownNow();
        }
        // with nothing new, the wait ends empty with next = after
        var quiet = read(bearer, "?wait=PT1S&after=" + head(bearer));
        assertThat(quiet.changes()).isEmpty();
    }

    @Test
    void aChangeCommittedAfterALaterOneIsStillSeenAfterIt() throws Exception {
        var bearer = bearer(newFulfilmentClient());
        var start = head(bearer);
        var early = "test:early-" + UUID.randomUUID();
        var late = "test:late-" + UUID.randomUUID();
        try (var slow = ItEnvironment.connect();
                var fast = ItEnvironment.connect()) {
            slow.setAutoCommit(false);
            insertChange(slow, early); // inserted first, committed last
            insertChange(fast, late); // auto-commit

            var first = read(bearer, "?after=" + start);
            assertThat(first.changes())
                    .extracting(c -> c.getJsonObject("order").getString("orderId"))
                    .contains(late)
                    .doesNotContain(early);

            slow.commit();
            var second = read(bearer, "?after=" + first.next());
            assertThat(second.changes())
                    .extracting(c -> c.getJsonObject("order").getString("orderId"))
                    .contains(early);
        }
    }

    @Test
    void aReaderFollowingTheCursorSeesEveryChangeOnceWhileManySlowTransactionsCommitOutOfOrder() throws Exception {
        var bearer = bearer(newFulfilmentClient());
        var merchant = newMerchant();
        var start = head(bearer);
        int writers = 12;
        int perWriter = 15;
        var written = ConcurrentHashMap.<String>newKeySet();
        var done = new AtomicBoolean();
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(writers + 2);
        try {
            var tasks = new ArrayList<java.util.concurrent.Future<?>>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(pool.submit(() -> {
                    go.await();
                    try (var db = ItEnvironment.connect()) {
                        db.setAutoCommit(false);
                        for (int i = 0; i < perWriter; i++) {
                            var orderId = "test:w" + writer + "-" + i + "-" + UUID.randomUUID();
                            insertChange(db, orderId);
                            // deliberately slow: others insert later and commit earlier meanwhile
                            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 120));
                            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                                db.rollback(); // a change that never commits is never seen
                            } else {
                                db.commit();
                                written.add(orderId);
                            }
                        }
                    }
                    return null;
                }));
            }
            // and real SCAYLE orders through HTTP at the same time
            tasks.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                    var reference = Orders.newReference();
                    var response = delegate(
                            merchant,
                            Orders.delegation(merchant.key(), reference),
                            UUID.randomUUID().toString());
                    assertThat(response.statusCode()).isEqualTo(201);
                    written.add("scayle:" + merchant.key() + ":" + reference);
                }
                return null;
            }));
            var seen = new ArrayList<String>();
            var positions = new ArrayList<Long>();
            var reader = pool.submit(() -> {
                var next = start;
                go.await();
                while (true) {
                    boolean finished = done.get();
                    var page = read(bearer, "?limit=7&wait=PT1S&after=" + next);
                    for (var change : page.changes()) {
                        positions.add(Long.parseLong(change.getString("position")));
                        seen.add(change.getJsonObject("order").getString("orderId"));
                    }
                    next = page.next();
                    if (finished && page.changes().isEmpty()) {
                        return null;
                    }
                }
            });
            go.countDown();
            for (var task : tasks) {
                task.get();
            }
            done.set(true);
            reader.get();

            var mine = seen.stream().filter(written::contains).toList();
            assertThat(new HashSet<>(mine)).as("every committed change seen").isEqualTo(written);
            assertThat(mine).as("each once").doesNotHaveDuplicates();
            assertThat(seen.stream().filter(id -> id.startsWith("test:w")).filter(id -> !written.contains(id)))
                    .as("no rolled-back change")
                    .isEmpty();
            for (int i = 1; i < positions.size(); i++) {
                assertThat(positions.get(i)).isGreaterThan(positions.get(i - 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
