package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The warehouse/ERP's side of stock (fulfilment spec §1, §4): its API clients, the bearer-only door
 * of {@code /api/fulfilment}, absolute levels that an older count never overwrites, the journal, the
 * audit, and refusals that apply nothing.
 */
class FulfilmentStockIT extends FulfilmentBase {

    @Test
    void anErpClientReportsAbsoluteLevelsAndAnOlderCountNeverOverwritesANewerOne() {
        var client = newFulfilmentClient();
        assertThat(client.scope()).isEqualTo("fulfilment");
        assertThat(client.tokenUrl()).endsWith("/oauth/token");
        var bearer = bearer(client);
        var sku = sku();
        var counted = Instant.parse("2026-12-01T06:00:00Z");

        var first = put(
                "api/fulfilment/stock",
                bearer,
                report(
                        counted,
                        "{\"sku\":\"" + sku + "\",\"onHand\":7},{\"sku\":\"" + sku
                                + "\",\"warehouse\":\"WH1\",\"onHand\":3}"));
        assertThat(first.statusCode()).as(text(first)).isEqualTo(200);
        assertThat(Json.object(first.body()).getInt("applied")).isEqualTo(2);

        var older = put(
                "api/fulfilment/stock",
                bearer,
                report(counted.minusSeconds(60), "{\"sku\":\"" + sku + "\",\"onHand\":100}"));
        assertThat(older.statusCode()).isEqualTo(200);
        var ignored = Json.object(older.body());
        assertThat(ignored.getInt("applied")).isZero();
        assertThat(ignored.getJsonArray("ignored").getJsonObject(0).getString("sku"))
                .isEqualTo(sku);
        assertThat(ignored.getJsonArray("ignored").getJsonObject(0).getString("reason"))
                .contains("Older");

        var newer = put(
                "api/fulfilment/stock",
                bearer,
                report(counted.plusSeconds(60), "{\"sku\":\"" + sku + "\",\"onHand\":5}"));
        assertThat(Json.object(newer.body()).getInt("applied")).isEqualTo(1);

        var list = Json.object(get("api/fulfilment/stock?sku=" + sku, bearer).body());
        assertThat(list.getInt("total")).isEqualTo(2);
        var whole = list.getJsonArray("items").getJsonObject(0);
        assertThat(whole.isNull("warehouse")).isTrue();
        assertThat(whole.getInt("onHand")).isEqualTo(5);
        assertThat(whole.getInt("reserved")).isZero();
        assertThat(whole.getInt("available")).isEqualTo(5);
        assertThat(whole.getString("asOf")).isEqualTo(counted.plusSeconds(60).toString());
        assertThat(list.getJsonArray("items").getJsonObject(1).getString("warehouse"))
                .isEqualTo("WH1");

        // journal: the two creations and the one change, none for the ignored count
        assertThat(rows(
                        "SELECT on_hand_before, on_hand_after, actor FROM stock_journal WHERE sku = ? "
                                + "AND warehouse = '' ORDER BY journal_id",
                        sku))
                .extracting(
                        row -> row.get("on_hand_before") + "->" + row.get("on_hand_after") + " by " + row.get("actor"))
                .containsExactly("null->7 by " + client.clientId(), "7->5 by " + client.clientId());
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.stock.reported' AND actor = ?",
                        client.clientId()))
                .isEqualTo(3);
        // reads are not audited: levels carry no customer's data (see Stock.levels)
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action LIKE 'fulfilment.stock.%' AND actor = ?",
                        client.clientId()))
                .isEqualTo(3);
    }

    @Test
    void theDoorAdmitsOnlyBearerTokensOfFulfilmentClientsWhateverThePathsSpelling() {
        var sku = sku();
        var body = report(Instant.parse("2026-12-01T06:00:00Z"), "{\"sku\":\"" + sku + "\",\"onHand\":1}");

        var none = put("api/fulfilment/stock", null, body);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        // staff credentials are no way in: this API is for machines
        assertThat(put("api/fulfilment/stock", admin(), body).statusCode()).isEqualTo(401);
        assertThat(get("api/fulfilment/stock", admin()).statusCode()).isEqualTo(401);
        // a token of ours for another API
        var scalepointToken = bearer(newClient());
        var other = put("api/fulfilment/stock", scalepointToken, body);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("insufficient_scope"));
        // and the fulfilment token is no way into the Scalepoint webhook either
        var fulfilment = bearer(newFulfilmentClient());
        assertThat(event(fulfilment, "{}").statusCode()).isEqualTo(403);

        for (var path : new String[] {
            "api//fulfilment/stock", "api/fulfilment/./stock", "api/fulfilment//stock", "api/x/../fulfilment/stock"
        }) {
            assertThat(put(path, null, body).statusCode()).as(path).isNotEqualTo(200);
            assertThat(get(path, admin()).statusCode()).as(path).isNotEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM stock_level WHERE sku = ?", sku)).isZero();
    }

    @Test
    void aRevokedClientIsRefusedAtOnceAndARotatedOneWorksAlongsideTheNewOne() {
        var client = newFulfilmentClient();
        var bearer = bearer(client);
        assertThat(get("api/fulfilment/stock", bearer).statusCode()).isEqualTo(200);

        var rotated = post("api/admin/fulfilment/clients/" + client.clientId() + "/rotate", admin(), null, new byte[0]);
        assertThat(rotated.statusCode()).isEqualTo(201);
        var successor = Json.object(rotated.body());
        assertThat(successor.getString("clientId")).isNotEqualTo(client.clientId());
        assertThat(get("api/fulfilment/stock", bearer).statusCode()).isEqualTo(200);

        var listed = text(get("api/admin/fulfilment/clients", admin()));
        assertThat(listed).contains(client.clientId(), successor.getString("clientId"));
        assertThat(listed).doesNotContain(client.clientSecret()).doesNotContain("clientSecret");

        assertThat(delete("api/admin/fulfilment/clients/" + client.clientId(), admin())
                        .statusCode())
                .isEqualTo(204);
        assertThat(get("api/fulfilment/stock", bearer).statusCode()).isEqualTo(401);
        // not a Scalepoint client
        assertThat(delete("api/admin/scalepoint/webhook-clients/" + successor.getString("clientId"), admin())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBadReportIsRefusedWithTheLevelToFixAndAppliesNothing() {
        var bearer = bearer(newFulfilmentClient());
        var sku = sku();
        var asOf = Instant.parse("2026-12-01T06:00:00Z");
        var good = "{\"sku\":\"" + sku + "\",\"onHand\":4}";
        String[][] cases = {
            {"{\"levels\":[" + good + "]}", "asOf"},
            {"{\"asOf\":\"yesterday\",\"levels\":[" + good + "]}", "asOf"},
            {report(Instant.now().plus(Duration.ofHours(1)), good), "future"},
            {"{\"asOf\":\"" + asOf + "\"}", "levels"},
            {report(asOf, good + ",{\"sku\":\"x\",\"onHand\":-1}"), "levels[1].onHand"},
            {report(asOf, good + ",{\"sku\":\"x\",\"onHand\":1.5}"), "levels[1].onHand"},
            {report(asOf, good + ",{\"sku\":\"x\",\"onHand\":\"3\"}"), "levels[1].onHand"},
            {report(asOf, good + ",{\"sku\":\"x\",\"onHand\":99999999999}"), "levels[1].onHand"},
            {report(asOf, good + ",{\"onHand\":1}"), "levels[1].sku"},
            {report(asOf, good + ",{\"sku\":\"x\",\"warehouse\":\"\",\"onHand\":1}"), "levels[1].warehouse"},
            {report(asOf, good + ",{\"sku\":\"" + "x".repeat(129) + "\",\"onHand\":1}"), "levels[1].sku"},
            {report(asOf, good + "," + good), "repeats"},
            {report(asOf, good) + "garbage", "JSON"},
        };
        for (var c : cases) {
            var response = put("api/fulfilment/stock", bearer, c[0]);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Json.object(response.body()).getString("detail"))
                    .as(c[0])
                    .contains(c[1]);
        }
        var many = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"")
                    .append(sku)
                    .append('-')
                    .append(i)
                    .append("\",\"onHand\":1}");
        }
        var tooMany = put("api/fulfilment/stock", bearer, report(asOf, many.toString()));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(text(tooMany)).contains("at most 10000");
        var wrongType = post(
                "api/fulfilment/stock", bearer, "text/plain", report(asOf, good).getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.statusCode()).isEqualTo(405);

        assertThat(count("SELECT count(*) FROM stock_level WHERE sku LIKE ?", sku + "%"))
                .isZero();
        assertThat(count("SELECT count(*) FROM stock_journal WHERE sku LIKE ?", sku + "%"))
                .isZero();
    }

    @Test
    void concurrentReportsEndWithTheLatestCountWhateverOrderTheyCommitIn() throws Exception {
        var bearer = bearer(newFulfilmentClient());
        var skus = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            skus.add(sku());
        }
        var base = Instant.parse("2026-12-02T06:00:00Z");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int minute = 0; minute < 16; minute++) {
                var asOf = base.plusSeconds(60L * minute);
                int onHand = minute;
                var levels = new StringBuilder();
                // every report names the same SKUs, in another order each time
                for (int i = 0; i < skus.size(); i++) {
                    var sku = skus.get((i + minute * 7) % skus.size());
                    levels.append(i == 0 ? "" : ",")
                            .append("{\"sku\":\"")
                            .append(sku)
                            .append("\",\"onHand\":")
                            .append(onHand)
                            .append('}');
                }
                answers.add(pool.submit(() -> {
                    start.await();
                    return put("api/fulfilment/stock", bearer, report(asOf, levels.toString()))
                            .statusCode();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        for (var sku : skus) {
            var level = level(bearer, sku);
            assertThat(level.getInt("onHand")).as(sku).isEqualTo(15);
            assertThat(level.getString("asOf"))
                    .isEqualTo(base.plusSeconds(60L * 15).toString());
        }
    }
}
