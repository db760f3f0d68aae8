package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database connection is cut under OrderGate (through the proxy the tests control): every
 * delivery gets a quick 503, nothing half-written remains, and service resumes without a restart.
 */
class DatabaseOutageIT extends OrderGateIT {

    @AfterEach
    void restore() {
        ItEnvironment.proxy().restore();
    }

    @Test
    void storageOutageGetsA503QuicklyAndRecoversWithoutRestart() throws Exception {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        var body = Orders.delegation(merchant.key(), reference);
        assertThat(delegate(merchant, Orders.delegation(merchant.key(), Orders.newReference()), "warm")
                        .statusCode())
                .isEqualTo(201);

        ItEnvironment.proxy().cut();
        for (int i = 0; i < 5; i++) {
            var started = Instant.now();
            var response = delegate(merchant, body, "outage-" + i);
            var took = Duration.between(started, Instant.now());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(text(response)).doesNotContain("Exception").doesNotContain("at io.");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(get("health/ready", null).statusCode()).isEqualTo(503);
        assertThat(get("health/live", null).statusCode()).isEqualTo(200);

        ItEnvironment.proxy().restore();
        var recovered = waitFor201(() -> delegate(merchant, body, "after"));

        assertThat(recovered).isEqualTo(201);
        assertThat(get("health/ready", null).statusCode()).isEqualTo(200);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delegation WHERE merchant_key = ? AND reference_key = ?",
                        merchant.key(),
                        reference))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delivery_attempt a JOIN scayle_delegation d "
                                + "ON d.delegation_id = a.delegation_id WHERE d.reference_key = ?",
                        reference))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delegation_item i JOIN scayle_delegation d "
                                + "ON d.delegation_id = i.delegation_id WHERE d.reference_key = ?",
                        reference))
                .isEqualTo(2);
    }

    @Test
    void stalledDatabaseGets503WellInsideScaylesTimeout() throws Exception {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        var body = Orders.delegation(merchant.key(), reference);

        ItEnvironment.proxy().stall();
        var started = Instant.now();
        var response = delegate(merchant, body, "stalled");
        var took = Duration.between(started, Instant.now());
        ItEnvironment.proxy().restore();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // SCAYLE gives up after 15 s; the answer deadline is 5 s
        assertThat(took).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(waitFor201(() -> delegate(merchant, body, "after-stall"))).isEqualTo(201);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delegation WHERE merchant_key = ? AND reference_key = ?",
                        merchant.key(),
                        reference))
                .isEqualTo(1);
    }

    interface Attempt {
        java.net.http.HttpResponse<byte[]> run();
    }

    /** Like SCAYLE: retry until 201, here for at most 20 s. */
    static int waitFor201(Attempt attempt) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(20);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = attempt.run().statusCode();
            if (status == 201) {
                return status;
            }
            Thread.sleep(500);
        }
        return status;
    }
}
