package io.ordergate.webapp.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.Pause;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sender that behaves like SCAYLE (every order retried until it gets a {@code 201}) sends
 * {@value #ORDERS} orders through nginx while the nodes are killed with SIGKILL at random moments
 * and started again. Afterwards every order is in the database exactly once, complete, and every
 * redelivery is answered byte for byte as the order's first {@code 201}.
 */
class NodeKillReliability extends ClusterTest {

    static final int ORDERS = Integer.getInteger("reliability.orders", 10_000);
    static final int SENDERS = 32;

    @BeforeAll
    static void start() throws Exception {
        startWithMerchant(Cluster.ofTheBuild("_kill", Map.of()));
    }

    @Test
    void everyOrderIsAcknowledgedExactlyOnceWhileNodesAreKilled() throws Exception {
        var acknowledged = new ConcurrentHashMap<String, String>();
        var answers = new ConcurrentHashMap<Integer, AtomicInteger>();
        var attempts = new AtomicLong();
        var next = new AtomicInteger();
        var done = new AtomicBoolean();
        var prefix = "kill-" + Cluster.random(3).replaceAll("[^A-Za-z0-9]", "x") + "-";
        var uri = cluster.front("api/scayle/order-delegations");

        var chaos = Executors.newSingleThreadExecutor();
        var kills = chaos.submit(() -> {
            var random = ThreadLocalRandom.current();
            var killed = new ArrayList<String>();
            while (!done.get()) {
                Pause.sleep(Duration.ofMillis(random.nextLong(2_000, 10_000)));
                if (done.get()) {
                    break;
                }
                var node = random.nextInt(1, 3);
                cluster.kill(node);
                killed.add("node " + node + " at order " + next.get());
                Report.line("killed node %d (kill -9) at order %d of %d", node, next.get(), ORDERS);
                Pause.sleep(Duration.ofMillis(random.nextLong(0, 3_000)));
                cluster.restart(node);
                Report.line("node %d is back at order %d", node, next.get());
            }
            return killed;
        });

        var started = System.nanoTime();
        var senders = Executors.newFixedThreadPool(SENDERS);
        for (int s = 0; s < SENDERS; s++) {
            senders.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < ORDERS) {
                    var reference = prefix + index;
                    acknowledged.put(
                            reference,
                            deliverUntilCreated(uri, reference, attempts, answers)
                                    .body());
                }
                return null;
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(40, TimeUnit.MINUTES))
                .as("senders finished")
                .isTrue();
        done.set(true);
        var killed = kills.get(10, TimeUnit.MINUTES);
        chaos.shutdown();
        var seconds = (System.nanoTime() - started) / 1e9;
        Report.line(
                "%d orders acknowledged in %.0f s with %d requests (answers by status %s) while %d kills: %s",
                acknowledged.size(), seconds, attempts.get(), answers, killed.size(), killed);

        assertThat(killed).as("nodes killed during the run").isNotEmpty();
        assertThat(acknowledged).hasSize(ORDERS);

        // The database: each order exactly once, complete, created exactly once.
        var stored =
                query("SELECT count(*), count(DISTINCT reference_key) FROM scayle_delegation WHERE merchant_key = ?");
        var incomplete = query("SELECT count(*), 0 FROM scayle_delegation d WHERE merchant_key = ? AND ("
                + "(SELECT count(*) FROM scayle_delegation_item i WHERE i.delegation_id = d.delegation_id) <> 2 OR "
                + "(SELECT count(*) FROM scayle_delegation_address a WHERE a.delegation_id = d.delegation_id) <> 2 OR "
                + "(SELECT count(*) FROM scayle_delivery_attempt t WHERE t.delegation_id = d.delegation_id "
                + "AND t.outcome = 'created') <> 1)");
        Report.line(
                "database: %d delegations, %d distinct references, %d incomplete", stored[0], stored[1], incomplete[0]);
        assertThat(stored[0]).isEqualTo(ORDERS);
        assertThat(stored[1]).isEqualTo(ORDERS);
        assertThat(incomplete[0]).isZero();

        // Every redelivery, retried like SCAYLE retries, is acknowledged exactly as the first time.
        var differing = new ConcurrentHashMap<String, String>();
        var replayAttempts = new AtomicLong();
        var replayAnswers = new ConcurrentHashMap<Integer, AtomicInteger>();
        var replay = Executors.newFixedThreadPool(SENDERS);
        for (var entry : acknowledged.entrySet()) {
            replay.submit(() -> {
                var answer = deliverUntilCreated(uri, entry.getKey(), replayAttempts, replayAnswers);
                if (!answer.body().equals(entry.getValue())) {
                    differing.put(entry.getKey(), answer.body());
                }
                return null;
            });
        }
        replay.shutdown();
        assertThat(replay.awaitTermination(20, TimeUnit.MINUTES)).isTrue();
        Report.line(
                "redelivered all %d orders (%d requests, answers by status %s): %d acknowledgements differ from the "
                        + "first",
                acknowledged.size(), replayAttempts.get(), replayAnswers, differing.size());
        assertThat(differing).isEmpty();
        var replays = query("SELECT count(*) FILTER (WHERE outcome = 'replayed'), count(*) FILTER (WHERE outcome = "
                + "'conflict') FROM scayle_delivery_attempt WHERE merchant_key = ?");
        assertThat(replays[0]).as("replayed attempts").isGreaterThanOrEqualTo(ORDERS);
        assertThat(replays[1]).as("conflicts").isZero();
        Secrets.assertNowhere(cluster);
    }

    /** Sends until the answer is a 201, as SCAYLE does (with a shorter backoff); counts every answer. */
    private static Gateway.Answer deliverUntilCreated(
            java.net.URI uri, String reference, AtomicLong attempts, Map<Integer, AtomicInteger> answers) {
        var body = Gateway.order(merchant, reference);
        var backoff = Duration.ofMillis(100);
        while (true) {
            attempts.incrementAndGet();
            var answer = Gateway.deliver(uri, merchant, body, Duration.ofSeconds(15));
            answers.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
            if (answer.status() == 201) {
                return answer;
            }
            Pause.sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0
                    ? Duration.ofSeconds(2)
                    : backoff.multipliedBy(2);
        }
    }

    private static long[] query(String sql) {
        try (var connection = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, merchant.key());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
