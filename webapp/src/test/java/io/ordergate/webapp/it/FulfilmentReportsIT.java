package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Shipments, cancellations and returns reported by the warehouse (fulfilment spec §3): idempotent by
 * the caller's key, checked against the order (404, 422 naming the item), applied with their stock
 * effect, feed change and outbound row in one transaction; reports racing each other and a SCAYLE
 * cancellation never ship or cancel more than there is.
 */
class FulfilmentReportsIT extends FulfilmentBase {

    String bearer;
    Merchant merchant;

    record Order(String orderId, String reference, String skuA, String skuB) {}

    /** A SCAYLE order of the example: item 1968655 one unit of skuA, item 1968656 two of skuB, both in stock. */
    Order order() {
        if (bearer == null) {
            bearer = bearer(newFulfilmentClient());
            merchant = newMerchant();
        }
        var a = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        var b = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        stock(bearer, "{\"sku\":\"" + a + "\",\"onHand\":5},{\"sku\":\"" + b + "\",\"onHand\":5}");
        var reference = Orders.newReference();
        var body = Orders.delegation(merchant.key(), reference)
                .replace("SKU-1022643", a)
                .replace("SKU-738854", b);
        assertThat(delegate(merchant, body, "d").statusCode()).isEqualTo(201);
        return new Order("scayle:" + merchant.key() + ":" + reference, reference, a, b);
    }

    HttpResponse<byte[]> report(String kind, String body) {
        return post("api/fulfilment/" + kind, bearer, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static String shipment(String key, String orderId, String itemId, int quantity) {
        return "{\"shipmentKey\":\"" + key + "\",\"orderId\":\"" + orderId + "\",\"carrier\":\"DHL\","
                + "\"trackingNumber\":\"T-" + key + "\",\"shippedAt\":\"2026-12-08T09:00:00Z\","
                + "\"items\":[{\"itemId\":\"" + itemId + "\",\"quantity\":" + quantity + "}]}";
    }

    static String cancellation(String key, String orderId, String itemId, int quantity) {
        return "{\"cancellationKey\":\"" + key + "\",\"orderId\":\"" + orderId + "\",\"reason\":\"damaged\","
                + "\"items\":[{\"itemId\":\"" + itemId + "\",\"quantity\":" + quantity + "}]}";
    }

    static String returned(String key, String orderId, String itemId, int quantity) {
        return "{\"returnKey\":\"" + key + "\",\"orderId\":\"" + orderId + "\",\"receivedAt\":\"2026-12-09T09:00:00Z\","
                + "\"reason\":\"too small\",\"items\":[{\"itemId\":\"" + itemId + "\",\"quantity\":" + quantity + "}]}";
    }

    static String key() {
        return "k-" + UUID.randomUUID();
    }

    JsonObject item(JsonObject order, String itemId) {
        return order.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("itemId").equals(itemId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aShipmentACancellationAndAReturnChangeTheOrderTheStockAndTheFeedOnce() {
        var order = order();
        var start = "0";
        var key = key();
        var shipment = shipment(key, order.orderId(), "1968655", 1);

        var shipped = report("shipments", shipment);
        assertThat(shipped.statusCode()).as(text(shipped)).isEqualTo(201);
        var answer = Json.object(shipped.body());
        assertThat(answer.getString("shipmentKey")).isEqualTo(key);
        assertThat(answer.getJsonArray("items").getJsonObject(0).getString("returnKey"))
                .startsWith("rk-");
        var after = answer.getJsonObject("order");
        assertThat(after.getString("status")).isEqualTo("partially_shipped");
        assertThat(after.getInt("version")).isEqualTo(2);
        assertThat(item(after, "1968655").getInt("shipped")).isEqualTo(1);
        // the same report again: the same answer, byte for byte; another body under the key: 409
        var again = report("shipments", shipment);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(shipped.body());
        var other = report("shipments", shipment.replace("DHL", "UPS"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // the shelf: one unit left it, nothing is reserved for it any more
        var a = level(bearer, order.skuA());
        assertThat(a.getInt("onHand")).isEqualTo(4);
        assertThat(a.getInt("reserved")).isZero();
        assertThat(count("SELECT count(*) FROM stock_journal WHERE sku = ? AND cause = 'consumed'", order.skuA()))
                .isEqualTo(1);

        var cancelled = report("cancellations", cancellation(key(), order.orderId(), "1968656", 2));
        assertThat(cancelled.statusCode()).as(text(cancelled)).isEqualTo(201);
        var afterCancel = Json.object(cancelled.body()).getJsonObject("order");
        // nothing left, something shipped
        assertThat(afterCancel.getString("status")).isEqualTo("shipped");
        assertThat(item(afterCancel, "1968656").getInt("cancelled")).isEqualTo(2);
        assertThat(level(bearer, order.skuB()).getInt("reserved")).isZero();
        assertThat(level(bearer, order.skuB()).getInt("onHand")).isEqualTo(5);

        var back = report("returns", returned(key(), order.orderId(), "1968655", 1));
        assertThat(back.statusCode()).as(text(back)).isEqualTo(201);
        var afterReturn = Json.object(back.body()).getJsonObject("order");
        assertThat(afterReturn.getString("status")).isEqualTo("shipped");
        assertThat(item(afterReturn, "1968655").getInt("returned")).isEqualTo(1);
        assertThat(afterReturn.getInt("version")).isEqualTo(4);

        // the feed carries every version once, in order
        var versions = new ArrayList<Integer>();
        var next = start;
        while (true) {
            var page = Json.object(
                    get("api/fulfilment/feed?limit=500&after=" + next, bearer).body());
            var changes = page.getJsonArray("changes").getValuesAs(JsonObject.class);
            if (changes.isEmpty()) {
                break;
            }
            changes.stream()
                    .filter(c -> c.getJsonObject("order").getString("orderId").equals(order.orderId()))
                    .forEach(c -> versions.add(c.getJsonObject("order").getInt("version")));
            next = page.getString("next");
        }
        assertThat(versions).containsExactly(1, 2, 3, 4);
        // and the platform will hear of each report: the rows are there, written with them
        assertThat(rows(
                        "SELECT kind, platform, status FROM ful_outbound WHERE order_id = ? ORDER BY outbound_id",
                        order.orderId()))
                .extracting(row -> row.get("kind") + "/" + row.get("platform") + "/" + row.get("status"))
                .containsExactly("shipment/scayle/pending", "cancellation/scayle/pending", "return/scayle/pending");
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action LIKE 'fulfilment.%.reported' AND subject_key = ?",
                        order.orderId()))
                .isEqualTo(3);
    }

    @Test
    void aReportTheOrderCannotTakeIsRefusedNamingTheItemAndAppliesNothing() {
        var order = order();
        String[][] unprocessable = {
            {"shipments", shipment(key(), order.orderId(), "no-such-item", 1), "no-such-item"},
            {"shipments", shipment(key(), order.orderId(), "1968655", 2), "1968655"},
            {"cancellations", cancellation(key(), order.orderId(), "1968656", 3), "1968656"},
            {"returns", returned(key(), order.orderId(), "1968655", 1), "1968655"},
        };
        for (var c : unprocessable) {
            var response = report(c[0], c[1]);
            assertThat(response.statusCode()).as(c[1]).isEqualTo(422);
            assertThat(Json.object(response.body()).getString("detail")).contains(c[2]);
        }
        assertThat(report("shipments", shipment(key(), "scayle:nobody:nothing", "1968655", 1))
                        .statusCode())
                .isEqualTo(404);
        var k = key();
        String[] bad = {
            "{\"orderId\":\"" + order.orderId()
                    + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"T\",\"shippedAt\":\"2026-12-08T09:00:00Z\",\"items\":[{\"itemId\":\"1968655\",\"quantity\":1}]}",
            shipment(k, order.orderId(), "1968655", 1)
                    .replace(",\"items\":[{\"itemId\":\"1968655\",\"quantity\":1}]", ",\"items\":[]"),
            shipment(k, order.orderId(), "1968655", 0),
            shipment(k, order.orderId(), "1968655", 1)
                    .replace("\"quantity\":1}]", "\"quantity\":1},{\"itemId\":\"1968655\",\"quantity\":1}]"),
            shipment(k, order.orderId(), "1968655", 1).replace("\"trackingNumber\":\"T-" + k + "\",", ""),
            shipment(k, order.orderId(), "1968655", 1).replace("2026-12-08T09:00:00Z", "yesterday"),
            "[]",
        };
        for (var body : bad) {
            var response = report("shipments", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(count("SELECT count(*) FROM ful_report WHERE order_id = ?", order.orderId()))
                .isZero();
        assertThat(count("SELECT version FROM ful_order WHERE order_id = ?", order.orderId()))
                .isEqualTo(1);
        // a refused report leaves its key free: the corrected report is taken
        var key = key();
        assertThat(report("shipments", shipment(key, order.orderId(), "1968655", 2))
                        .statusCode())
                .isEqualTo(422);
        assertThat(report("shipments", shipment(key, order.orderId(), "1968655", 1))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void concurrentShipmentsNeverShipMoreThanIsLeft() throws Exception {
        var order = order();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                var body = shipment(key(), order.orderId(), "1968656", 1);
                answers.add(pool.submit(() -> {
                    start.await();
                    return report("shipments", body).statusCode();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 422);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
        var current = Json.object(
                get("api/fulfilment/orders/" + order.orderId(), bearer).body());
        assertThat(item(current, "1968656").getInt("shipped")).isEqualTo(2);
        assertThat(level(bearer, order.skuB()).getInt("onHand")).isEqualTo(3);
    }

    @Test
    void aShipmentRacingAScayleCancellationLeavesEveryUnitShippedOrCancelledOnce() throws Exception {
        var order = order();
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var shipment = pool.submit(() -> {
                go.await();
                return report("shipments", shipment(key(), order.orderId(), "1968656", 2))
                        .statusCode();
            });
            var cancellation = pool.submit(() -> {
                go.await();
                return post(
                                "api/scayle/order-cancellations",
                                merchant.authorization(),
                                "application/json",
                                CancellationIT.cancellation(order.reference(), merchant.key(), "[]")
                                        .getBytes(StandardCharsets.UTF_8))
                        .statusCode();
            });
            go.countDown();
            assertThat(cancellation.get()).isEqualTo(201);
            int shipped = shipment.get();
            assertThat(shipped).isIn(201, 422);

            var current = Json.object(
                    get("api/fulfilment/orders/" + order.orderId(), bearer).body());
            for (var item : current.getJsonArray("items").getValuesAs(JsonObject.class)) {
                assertThat(item.getInt("shipped") + item.getInt("cancelled")).isEqualTo(item.getInt("ordered"));
            }
            assertThat(item(current, "1968656").getInt("shipped")).isEqualTo(shipped == 201 ? 2 : 0);
            // shipped before SCAYLE cancelled: staff must look at it
            assertThat(rows("SELECT attention FROM ful_order WHERE order_id = ?", order.orderId())
                            .get(0)
                            .get("attention"))
                    .satisfies(attention -> {
                        if (shipped == 201) {
                            assertThat((String) attention).contains("after items had shipped");
                        } else {
                            assertThat(attention).isNull();
                        }
                    });
            assertThat(level(bearer, order.skuB()).getInt("reserved")).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
