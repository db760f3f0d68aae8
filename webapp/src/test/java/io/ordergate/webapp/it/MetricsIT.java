package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} in Prometheus text as a monitoring system scrapes it: every webhook outcome moves
 * its own counter by exactly one, authentication failures and latencies are counted, the gauges
 * show the job queue, the circuit breaker and the connection pool; and the health endpoints during
 * a database outage.
 */
class MetricsIT extends OrderGateIT {

    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @AfterEach
    void restore() {
        ItEnvironment.proxy().restore();
    }

    @Test
    void everyWebhookOutcomeMovesItsOwnCounterByExactlyOne() throws Exception {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        var body = Orders.delegation(merchant.key(), reference);
        var before = scrape();

        assertThat(delegate(merchant, body, "first").statusCode()).isEqualTo(201);
        assertThat(delegate(merchant, body, "again").statusCode()).isEqualTo(201);
        assertThat(delegate(merchant, Orders.delegation(merchant.key(), reference, "other@example.com"), "changed")
                        .statusCode())
                .isEqualTo(201);
        assertThat(delegate(merchant, "{\"referenceKey\": ", "broken").statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "api/scayle/order-delegations",
                                basic(merchant.username(), "wrong"),
                                "application/json",
                                body.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(401);

        var expected = Map.of("created", 1.0, "replayed", 1.0, "conflict", 1.0, "rejected", 2.0, "unavailable", 0.0);
        var latency = Map.of("endpoint", "scayle-delegation");
        var all = Map.of("endpoint", "scayle-delegation", "le", "+Inf");
        var withinDeadline = Map.of("endpoint", "scayle-delegation", "le", "5.0");
        // The latency is recorded once the answer has gone out, so it may trail the counters briefly,
        // and a scrape may catch the timer's count before its buckets: wait until every part is in,
        // then check that each moved by exactly what was sent.
        var timer = List.of(
                Map.entry("ordergate_ack_latency_seconds_count", latency),
                Map.entry("ordergate_ack_latency_seconds_bucket", all),
                Map.entry("ordergate_ack_latency_seconds_bucket", withinDeadline));
        var after = awaitScrape(now -> expected.entrySet().stream()
                        .allMatch(e -> requests(now, e.getKey()) - requests(before, e.getKey()) >= e.getValue())
                && timer.stream()
                        .allMatch(t ->
                                now.value(t.getKey(), t.getValue()) - before.value(t.getKey(), t.getValue()) >= 5.0));
        expected.forEach((outcome, delta) -> assertThat(requests(after, outcome) - requests(before, outcome))
                .as(outcome)
                .isEqualTo(delta));
        assertThat(after.find(
                        "ordergate_requests_total", Map.of("endpoint", "scayle-delegation", "outcome", "created")))
                .allSatisfy(s -> assertThat(s.labels()).containsEntry("mp_scope", "application"));
        assertThat(after.value("ordergate_auth_failures_total", Map.of("realm", "scayle", "reason", "wrong-password"))
                        - before.value(
                                "ordergate_auth_failures_total", Map.of("realm", "scayle", "reason", "wrong-password")))
                .isEqualTo(1.0);
        assertThat(after.value("ordergate_ack_latency_seconds_count", latency)
                        - before.value("ordergate_ack_latency_seconds_count", latency))
                .isEqualTo(5.0);
        var took = after.value("ordergate_ack_latency_seconds_sum", latency)
                - before.value("ordergate_ack_latency_seconds_sum", latency);
        // seconds, not nanoseconds: five local answers take more than nothing and far less than 5 s each
        assertThat(took).isGreaterThan(0.0).isLessThan(25.0);
        assertThat(after.value("ordergate_ack_latency_seconds_bucket", all)
                        - before.value("ordergate_ack_latency_seconds_bucket", all))
                .isEqualTo(5.0);
        assertThat(after.value("ordergate_ack_latency_seconds_bucket", withinDeadline)
                        - before.value("ordergate_ack_latency_seconds_bucket", withinDeadline))
                .isEqualTo(5.0);
    }

    @Test
    void gaugesShowTheJobQueueTheCircuitAndThePool() throws Exception {
        long dead = 0;
        long waiting = 0;
        try {
            dead = insertJob("dead", "now() - interval '2 hours'");
            // due only in a day, so no worker runs it; created two hours ago, so the backlog is that old
            waiting = insertJob("pending", "now() + interval '1 day'");
            var expectedDead = count("SELECT count(*) FROM job WHERE state = 'dead'");
            var jobs = awaitScrape(now -> now.value("ordergate_jobs", Map.of("state", "dead")) == expectedDead);

            assertThat(jobs.value("ordergate_jobs", Map.of("state", "dead"))).isEqualTo((double) expectedDead);
            assertThat(jobs.value("ordergate_jobs", Map.of("state", "pending"))).isGreaterThanOrEqualTo(1.0);
            assertThat(jobs.value("ordergate_jobs_oldest_waiting_age_seconds", Map.of()))
                    .isBetween(7100.0, 7300.0);
            for (var state : List.of("failing", "running", "succeeded")) {
                assertThat(jobs.find("ordergate_jobs", Map.of("state", state)))
                        .as(state)
                        .hasSize(1);
            }
        } finally {
            try (var connection = ItEnvironment.connect();
                    var statement = connection.prepareStatement("DELETE FROM job WHERE job_id IN (?, ?)")) {
                statement.setLong(1, dead);
                statement.setLong(2, waiting);
                statement.executeUpdate();
            }
        }

        var metrics = scrape();
        assertThat(metrics.value("ordergate_scalepoint_circuit_open", Map.of())).isEqualTo(0.0);
        assertThat(metrics.value("ordergate_db_connections_max", Map.of())).isEqualTo(40.0);
        var inUse = metrics.value("ordergate_db_connections", Map.of("state", "in-use"));
        var idle = metrics.value("ordergate_db_connections", Map.of("state", "idle"));
        // the pool keeps at least 2 connections; the one asking is not counted
        assertThat(inUse + idle).isBetween(1.0, 40.0);
        assertThat(inUse).isGreaterThanOrEqualTo(0.0);
        assertThat(idle).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void readinessFailsFastWithoutTheDatabaseAndRecoversLivenessStaysUp() throws Exception {
        var merchant = newMerchant();
        assertThat(get("health/ready", null).statusCode()).isEqualTo(200);
        var before = scrape();

        ItEnvironment.proxy().cut();
        var started = Instant.now();
        var ready = get("health/ready", null);
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(2500));
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(text(ready)).contains("DOWN");
        assertThat(get("health/live", null).statusCode()).isEqualTo(200);
        assertThat(delegate(merchant, Orders.delegation(merchant.key(), Orders.newReference()), "cut")
                        .statusCode())
                .isEqualTo(503);
        var during = awaitScrape(now -> requests(now, "unavailable") > requests(before, "unavailable"));
        assertThat(requests(during, "unavailable") - requests(before, "unavailable"))
                .isEqualTo(1.0);

        ItEnvironment.proxy().restore();
        assertThat(awaitStatus("health/ready", 200)).isEqualTo(200);

        // a database that hangs instead of refusing: readiness still answers within about its 1 s timeout
        ItEnvironment.proxy().stall();
        for (int i = 0; i < 3; i++) {
            started = Instant.now();
            ready = get("health/ready", null);
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(2500));
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(get("health/live", null).statusCode()).isEqualTo(200);
        }
        ItEnvironment.proxy().restore();
        assertThat(awaitStatus("health/ready", 200)).isEqualTo(200);
    }

    static long insertJob(String state, String runAt) throws Exception {
        try (var connection = ItEnvironment.connect();
                var statement = connection.prepareStatement(
                        "INSERT INTO job (job_type, payload, state, max_attempts, give_up_at, run_at, created_at, updated_at) "
                                + "VALUES ('metrics.test', '{}', ?, 1, now() + interval '2 days', " + runAt + ", "
                                + "now() - interval '2 hours', now()) RETURNING job_id")) {
            statement.setString(1, state);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static double requests(Scrape scrape, String outcome) {
        return scrape.value("ordergate_requests_total", Map.of("endpoint", "scayle-delegation", "outcome", outcome));
    }

    int awaitStatus(String path, int status) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(20);
        int last = 0;
        while (Instant.now().isBefore(deadline)) {
            last = get(path, null).statusCode();
            if (last == status) {
                return last;
            }
            Thread.sleep(250);
        }
        return last;
    }

    /** Counters move just after the answer leaves, and gauges refresh every 5 s: wait until it shows. */
    Scrape awaitScrape(Predicate<Scrape> until) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(12);
        var scrape = scrape();
        while (!until.test(scrape) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            scrape = scrape();
        }
        return scrape;
    }

    Scrape scrape() {
        var response = get("metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return Scrape.parse(text(response));
    }

    record Sample(String name, Map<String, String> labels, double value) {}

    /** One Prometheus text exposition: its samples, found by name and a subset of their labels. */
    record Scrape(List<Sample> samples) {

        static Scrape parse(String text) {
            var samples = new ArrayList<Sample>();
            for (var line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var sample = SAMPLE.matcher(line.trim());
                if (!sample.matches()) {
                    throw new AssertionError("not a Prometheus sample: " + line);
                }
                var labels = new LinkedHashMap<String, String>();
                if (sample.group(3) != null) {
                    var label = LABEL.matcher(sample.group(3));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
            }
            return new Scrape(samples);
        }

        List<Sample> find(String name, Map<String, String> labels) {
            return samples.stream()
                    .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                    .toList();
        }

        /** The one sample's value; 0 when there is none yet (a counter appears with its first increment). */
        double value(String name, Map<String, String> labels) {
            var found = find(name, labels);
            assertThat(found).as(name + labels).hasSizeLessThanOrEqualTo(1);
            return found.isEmpty() ? 0.0 : found.get(0).value();
        }
    }
}
