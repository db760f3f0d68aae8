package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;

/**
 * What the tests of SCAYLE's Admin API share: {@link ScayleAdminSimulator}, the connection to it
 * through the admin API (forgotten after the class, so that no other test class finds one that
 * points at this run's simulator), and SCAYLE orders that the simulator knows.
 */
abstract class ScayleAdminBase extends FulfilmentBase {

    static final Duration WAIT = Duration.ofSeconds(30);

    String bearer;
    Merchant merchant;

    record ScayleOrder(String orderId, String reference, long scayleOrderId) {}

    static ScayleAdminSimulator simulator() {
        return ItEnvironment.scayleAdmin();
    }

    /** The example order under its own SCAYLE order id, known to the simulator; both items in stock. */
    ScayleOrder order() {
        if (bearer == null) {
            bearer = bearer(newFulfilmentClient());
            merchant = newMerchant();
        }
        var a = sku();
        var b = sku();
        stock(bearer, "{\"sku\":\"" + a + "\",\"onHand\":5},{\"sku\":\"" + b + "\",\"onHand\":5}");
        var reference = Orders.newReference();
        long scayleOrderId = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        var body = Orders.delegation(merchant.key(), reference)
                .replace("SKU-1022643", a)
                .replace("SKU-738854", b)
                .replace("99110901", String.valueOf(scayleOrderId));
        assertThat(delegate(merchant, body, "d").statusCode()).isEqualTo(201);
        simulator().order("fa", "AT", scayleOrderId, 1968655L, 1968656L);
        return new ScayleOrder("scayle:" + merchant.key() + ":" + reference, reference, scayleOrderId);
    }

    HttpResponse<byte[]> connectScayle(String token) {
        return put(
                "api/admin/scayle/admin-api",
                "{\"baseUrl\":\"" + simulator().baseUrl() + "\",\"accessToken\":\"" + token + "\"}");
    }

    /** The connection through the admin API, with the simulator's token. */
    void connectScayle() {
        var response = connectScayle(simulator().accessToken());
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    }

    @AfterAll
    static void forgetTheConnection() throws SQLException {
        try (var db = ItEnvironment.connect();
                var statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM scayle_admin_api");
        }
    }
}
