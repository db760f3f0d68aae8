package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node started with another master key than the one the database has been used with refuses to
 * start, says why in its log and never becomes ready; the nodes with the right key go on working.
 */
class MasterKeyCheckIT extends OrderGateIT {

    static final String WRONG_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aNodeWithAnotherMasterKeyRefusesToStartWhileTheRightKeyWorks() {
        var merchant = newMerchant();
        var sealedBefore = count("SELECT count(*) FROM audit_seal");
        assertThat(count("SELECT count(*) FROM platform_master_key")).isEqualTo(1);

        try (var node = ExtraNode.launch(ExtraNode.freePort(), Map.of("ORDERGATE_MASTER_KEY", WRONG_KEY))) {
            var readyAnswers = new ArrayList<Integer>();
            // Payara Micro runs the startup beans after "Deployed 1 archive(s)"; it is done once it gave up.
            assertThat(node.awaitLog("Exception while loading the app", ExtraNode.STARTUP, readyAnswers::add))
                    .as(node.tail())
                    .isTrue();

            assertThat(readyAnswers).as("never ready while starting").doesNotContain(200);
            assertThat(node.log())
                    .contains("The configured ORDERGATE_MASTER_KEY is not the one this database's "
                            + "secrets were sealed with")
                    .contains("Restore the right key");
            var ready = send(HttpRequest.newBuilder(node.uri("health/ready"))
                    .timeout(Duration.ofSeconds(10))
                    .build());
            assertThat(ready.statusCode()).as(text(ready)).isEqualTo(503);
            var api = send(HttpRequest.newBuilder(node.uri("api/admin/scayle/merchants"))
                    .header("Authorization", admin())
                    .timeout(Duration.ofSeconds(10))
                    .build());
            assertThat(api.statusCode())
                    .as("nothing of OrderGate answers on that node")
                    .isEqualTo(404);
        }

        assertThat(count("SELECT count(*) FROM platform_master_key"))
                .as("the check value is kept")
                .isEqualTo(1);
        assertThat(get("health/ready", null).statusCode()).isEqualTo(200);
        var body = Orders.delegation(merchant.key(), Orders.newReference());
        assertThat(delegate(merchant, body, "after-wrong-key").statusCode())
                .as("credentials still verify")
                .isEqualTo(201);
        assertThat(get("api/admin/scayle/merchants", admin()).statusCode()).isEqualTo(200);
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("SELECT count(*) FROM audit_unsealed") > 0 && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(200));
        }
        var verification = Json.object(
                post("api/admin/audit/verify", admin(), null, new byte[0]).body());
        assertThat(verification.getBoolean("intact"))
                .as("nothing sealed under the other key: " + verification)
                .isTrue();
        assertThat(verification.getJsonNumber("verifiedUpTo").longValue()).isGreaterThan(sealedBefore);
    }
}
