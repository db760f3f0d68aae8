package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * SCAYLE's {@code deliverableQuantity} decided by the stock (fulfilment spec §4): once, at the first
 * delivery, in the transaction that claims the order; concurrent orders never reserve more than
 * there is; a redelivery gets the stored bytes and reserves nothing; SKUs without a level follow
 * the merchant's policy.
 */
class ScayleStockIT extends FulfilmentBase {

    /** The example order with its two SKUs replaced: item 1 wants 1 unit of {@code a}, item 2 two of {@code b}, both from WH1. */
    static String order(Merchant merchant, String reference, String a, String b) {
        return Orders.delegation(merchant.key(), reference)
                .replace("SKU-1022643", a)
                .replace("SKU-738854", b);
    }

    static int[] deliverable(byte[] acknowledgement) {
        var items = Json.object(acknowledgement).getJsonArray("items");
        return items.stream()
                .mapToInt(item -> ((JsonObject) item).getInt("deliverableQuantity"))
                .toArray();
    }

    static String sku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void concurrentOrdersShareTheLastUnitsAndNeverReserveMoreThanThereIs() throws Exception {
        var merchant = newMerchant();
        var bearer = bearer(newFulfilmentClient());
        var scarce = sku();
        var unknown = sku();
        stock(bearer, "{\"sku\":\"" + scarce + "\",\"onHand\":5}");

        int orders = 16;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(orders);
        var answers = new ArrayList<Future<int[]>>();
        try {
            for (int i = 0; i < orders; i++) {
                var body = order(merchant, Orders.newReference(), scarce, unknown);
                answers.add(pool.submit(() -> {
                    start.await();
                    var response = delegate(merchant, body, UUID.randomUUID().toString());
                    assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
                    return deliverable(response.body());
                }));
            }
            start.countDown();
            int promised = 0;
            for (var answer : answers) {
                var quantities = answer.get();
                assertThat(quantities[0]).isBetween(0, 1);
                // no level for the other SKU: the default policy (trust) promises every unit
                assertThat(quantities[1]).isEqualTo(2);
                promised += quantities[0];
            }
            assertThat(promised).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        var level = level(bearer, scarce);
        assertThat(level.getInt("reserved")).isEqualTo(5);
        assertThat(level.getInt("available")).isZero();
        assertThat(count("SELECT coalesce(sum(quantity), 0) FROM stock_reservation WHERE sku = ?", scarce))
                .isEqualTo(5);
        assertThat(count(
                        "SELECT count(*) FROM stock_journal WHERE sku = ? AND cause = 'reserved' AND actor = ?",
                        scarce,
                        merchant.username()))
                .isEqualTo(5);
        // what was promised is what was stored for each order
        assertThat(count(
                        "SELECT coalesce(sum(deliverable_quantity), 0) FROM scayle_delegation_item " + "WHERE sku = ?",
                        scarce))
                .isEqualTo(5);
    }

    @Test
    void aRedeliveryGetsTheStoredBytesAndReservesNothingMore() {
        var merchant = newMerchant();
        var bearer = bearer(newFulfilmentClient());
        var a = sku();
        var b = sku();
        // a warehouse level wins over the SKU's level as a whole
        stock(
                bearer,
                "{\"sku\":\"" + a + "\",\"onHand\":10},{\"sku\":\"" + b + "\",\"warehouse\":\"WH1\",\"onHand\":1},"
                        + "{\"sku\":\"" + b + "\",\"onHand\":10}");
        var body = order(merchant, Orders.newReference(), a, b);

        var first = delegate(merchant, body, "first");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(deliverable(first.body())).containsExactly(1, 1);

        // the stock changes, the answer does not
        stock(bearer, "{\"sku\":\"" + a + "\",\"onHand\":0}");
        var again = delegate(merchant, body, "again");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(count("SELECT reserved FROM stock_level WHERE sku = ? AND warehouse = 'WH1'", b))
                .isEqualTo(1);
        assertThat(count("SELECT reserved FROM stock_level WHERE sku = ? AND warehouse = ''", b))
                .as("the whole-SKU level is not used when the warehouse has one")
                .isZero();
        assertThat(count("SELECT reserved FROM stock_level WHERE sku = ? AND warehouse = ''", a))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM stock_journal WHERE sku IN (?, ?) AND cause = 'reserved'", a, b))
                .isEqualTo(2);
    }

    @Test
    void aStrictMerchantPromisesNothingOfASkuWithoutALevel() {
        var merchant = newMerchant();
        var settings = "api/admin/scayle/merchants/" + merchant.key() + "/settings";
        var defaults = Json.object(get(settings, admin()).body());
        assertThat(defaults.getString("stockPolicy")).isEqualTo("trust");

        var changed = put(settings, admin(), "{\"stockPolicy\":\"strict\"}");
        assertThat(changed.statusCode()).as(text(changed)).isEqualTo(200);
        assertThat(Json.object(changed.body()).getString("updatedBy")).isEqualTo("admin");
        var bearer = bearer(newFulfilmentClient());
        var counted = sku();
        stock(bearer, "{\"sku\":\"" + counted + "\",\"onHand\":3}");

        var response = delegate(merchant, order(merchant, Orders.newReference(), counted, sku()), "strict");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(deliverable(response.body())).containsExactly(1, 0);

        for (var bad : Arrays.asList("{\"stockPolicy\":\"TRUST\"}", "{\"stockPolicy\":\"maybe\"}", "{}", "[]")) {
            assertThat(put(settings, admin(), bad).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(put("api/admin/scayle/merchants/no-such-merchant/settings", admin(), "{\"stockPolicy\":\"strict\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scayle.merchant.settings-changed' "
                                + "AND subject_key = ?",
                        merchant.key()))
                .isEqualTo(1);
        assertThat(new String(get(settings, admin()).body(), StandardCharsets.UTF_8))
                .contains("\"strict\"");
    }
}
