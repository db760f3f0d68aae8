package io.ordergate.webapp.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.Pause;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really stopped ({@code pg_ctl stop}) for {@value #OUTAGE_SECONDS} s while senders keep
 * delivering new orders through nginx to both nodes: every request in the outage is answered
 * {@code 503} problem+json within 2 s, none waits anywhere near SCAYLE's 15 s, no partial rows are
 * left, and once PostgreSQL is back the nodes answer {@code 201} again without a restart, also
 * for every order that got a 503.
 */
class DatabaseStopReliability extends ClusterTest {

    static final int OUTAGE_SECONDS = Integer.getInteger("reliability.outage.seconds", 60);
    static final int SENDERS = 8;

    static PrivatePostgres postgres;

    record Sent(String reference, long startedNanos, long endedNanos, int status, String contentType) {

        long millis() {
            return (endedNanos - startedNanos) / 1_000_000;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        postgres = FIXTURE.add(PrivatePostgres.create(Integer.getInteger("reliability.pg.port", 25599)));
        startWithMerchant(Cluster.onDatabase("127.0.0.1", postgres.port(), "ordergate_outage", Map.of()));
    }

    @Test
    void aStoppedDatabaseIsAnsweredWith503AtOnceAndRecoveredWithoutARestart() throws Exception {
        var sent = new ConcurrentLinkedQueue<Sent>();
        var running = new AtomicBoolean(true);
        var counter = new AtomicInteger();
        var uri = cluster.front("api/scayle/order-delegations");
        var pool = Executors.newFixedThreadPool(SENDERS);
        for (int s = 0; s < SENDERS; s++) {
            pool.submit(() -> {
                while (running.get()) {
                    var reference = "outage-" + counter.incrementAndGet();
                    var started = System.nanoTime();
                    var answer =
                            Gateway.deliver(uri, merchant, Gateway.order(merchant, reference), Duration.ofSeconds(20));
                    sent.add(new Sent(reference, started, System.nanoTime(), answer.status(), answer.contentType()));
                    if (answer.status() != 201) {
                        Pause.sleep(Duration.ofMillis(50)); // a sender does not hammer; SCAYLE waits far longer
                    }
                }
                return null;
            });
        }
        Pause.sleep(Duration.ofSeconds(15));
        Report.line("before the outage: %d orders sent", sent.size());
        postgres.stop();
        var stopped = System.nanoTime();
        Report.line("PostgreSQL stopped (pg_ctl stop -m fast); keeping it down for %d s", OUTAGE_SECONDS);
        Pause.sleep(Duration.ofSeconds(OUTAGE_SECONDS / 2));
        var readiness = List.of(
                status(cluster.node(1, "health/ready")),
                status(cluster.node(2, "health/ready")),
                status(cluster.node(1, "health/live")),
                status(cluster.node(2, "health/live")));
        Pause.sleep(Duration.ofSeconds(OUTAGE_SECONDS - OUTAGE_SECONDS / 2));
        var restarting = System.nanoTime();
        postgres.start();
        var restarted = System.nanoTime();
        Report.line("PostgreSQL started again");
        Pause.sleep(Duration.ofSeconds(30));
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        var all = new ArrayList<>(sent);
        var during = all.stream()
                .filter(s -> s.startedNanos() > stopped && s.endedNanos() < restarting)
                .toList();
        var slowestDuring = during.stream().mapToLong(Sent::millis).max().orElse(-1);
        var slowest = all.stream().mapToLong(Sent::millis).max().orElse(-1);
        var firstCreatedAfter = all.stream()
                .filter(s -> s.status() == 201 && s.startedNanos() > restarted)
                .mapToLong(Sent::startedNanos)
                .min();
        var afterRecovery = all.stream()
                .filter(s -> firstCreatedAfter.isPresent() && s.startedNanos() >= firstCreatedAfter.getAsLong())
                .toList();
        Report.line(
                "%d requests in all, slowest %d ms; %d during the outage: statuses %s, slowest %d ms; "
                        + "readiness/liveness of the nodes mid-outage %s; first 201 %.1f s after the restart, then %d requests "
                        + "with statuses %s",
                all.size(),
                slowest,
                during.size(),
                during.stream().map(Sent::status).distinct().toList(),
                slowestDuring,
                readiness,
                firstCreatedAfter.isPresent() ? (firstCreatedAfter.getAsLong() - restarted) / 1e9 : -1.0,
                afterRecovery.size(),
                afterRecovery.stream().map(Sent::status).distinct().toList());

        assertThat(during).as("requests during the outage").hasSizeGreaterThan(SENDERS);
        assertThat(during).allSatisfy(s -> {
            assertThat(s.status()).as(s.reference()).isEqualTo(503);
            assertThat(s.contentType()).isEqualTo("application/problem+json");
            assertThat(s.millis()).as("answer time of " + s.reference()).isLessThanOrEqualTo(2_000);
        });
        assertThat(slowest).as("slowest answer of the whole run (ms)").isLessThan(15_000);
        assertThat(readiness).containsExactly(503, 503, 200, 200);
        assertThat(firstCreatedAfter).as("a 201 after the restart").isPresent();
        assertThat((firstCreatedAfter.getAsLong() - restarted) / 1_000_000_000L)
                .as("seconds to recover")
                .isLessThan(20);
        assertThat(afterRecovery)
                .allSatisfy(s -> assertThat(s.status()).as(s.reference()).isEqualTo(201));
        assertThat(status(cluster.node(1, "health/ready"))).isEqualTo(200);
        assertThat(status(cluster.node(2, "health/ready"))).isEqualTo(200);

        // No partial rows; every acknowledged order is stored.
        var acknowledged =
                all.stream().filter(s -> s.status() == 201).map(Sent::reference).toList();
        assertThat(cluster.count(
                        "SELECT count(*) FROM scayle_delegation WHERE merchant_key = ? AND reference_key = ANY (?)",
                        merchant.key(),
                        acknowledged.toArray(String[]::new)))
                .isEqualTo(acknowledged.size());
        var incomplete = cluster.count(
                "SELECT count(*) FROM scayle_delegation d WHERE merchant_key = ? AND ("
                        + "(SELECT count(*) FROM scayle_delegation_item i WHERE i.delegation_id = d.delegation_id) <> 2 OR "
                        + "(SELECT count(*) FROM scayle_delegation_address a WHERE a.delegation_id = d.delegation_id) <> 2 OR "
                        + "(SELECT count(*) FROM scayle_delivery_attempt t WHERE t.delegation_id = d.delegation_id "
                        + "AND t.outcome = 'created') <> 1 OR NOT EXISTS (SELECT 1 FROM idem_record r WHERE "
                        + "r.scope = 'scayle.delegation' AND r.idem_key LIKE '%' || d.reference_key || '%'))",
                merchant.key());
        assertThat(incomplete).as("incomplete delegations").isZero();

        // A retrying sender loses nothing: every order refused during the outage is accepted now.
        var refused =
                all.stream().filter(s -> s.status() != 201).map(Sent::reference).toList();
        var redelivered = refused.stream()
                .map(reference -> Gateway.deliver(
                                uri, merchant, Gateway.order(merchant, reference), Duration.ofSeconds(15))
                        .status())
                .distinct()
                .toList();
        Report.line("%d orders refused during the outage redelivered: statuses %s", refused.size(), redelivered);
        assertThat(redelivered).containsExactly(201);
        assertThat(cluster.count("SELECT count(*) FROM scayle_delegation WHERE merchant_key = ?", merchant.key()))
                .isEqualTo(all.size());
        Secrets.assertNowhere(cluster);
    }

    private static int status(java.net.URI uri) {
        return Gateway.status(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build());
    }
}
