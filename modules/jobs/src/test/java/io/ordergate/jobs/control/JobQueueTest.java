package io.ordergate.jobs.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.jobs.boundary.JobResult;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue against real PostgreSQL (a database of its own, migrated with the project's
 * migrations), with real threads where nodes would race.
 */
class JobQueueTest {

    static final String HOST = System.getProperty("it.db.host", "127.0.0.1");
    static final String PORT = System.getProperty("it.db.port", "5432");
    static final String USER = System.getProperty("it.db.user", "postgres");
    static final String PASSWORD = System.getProperty("it.db.password", "");
    /** Its own name per checkout when several builds share one PostgreSQL: each drops and recreates it. */
    static final String DATABASE = System.getProperty("jobs.test.db", "ordergate_jobs_test");

    static final JobQueue.Limits LIMITS = new JobQueue.Limits(3, Duration.ofHours(1));
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

    Connection connection;
    JobQueue queue;
    String type;

    @BeforeAll
    static void database() throws SQLException {
        try (var admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        Flyway.configure()
                .dataSource(url(DATABASE), USER, PASSWORD)
                .locations("filesystem:"
                        + Paths.get("../../db/migrations").toAbsolutePath().normalize())
                .load()
                .migrate();
    }

    static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(url(DATABASE), USER, PASSWORD);
        queue = new JobQueue(new JdbcSql(connection));
        type = "test." + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    long enqueue(String dedupeKey) {
        return queue.enqueue(type, dedupeKey, "{}", LIMITS, Duration.ZERO).orElseThrow();
    }

    JobQueue.Claimed claimOne(String node, Duration lease) {
        var claimed = queue.claim(node, List.of(type), 1, lease);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    void makeDue(long id) {
        new JdbcSql(connection).update("UPDATE job SET run_at = now() WHERE job_id = ?1", id);
    }

    Object column(long id, String column) {
        return new JdbcSql(connection)
                .query("SELECT " + column + " FROM job WHERE job_id = ?1", id)
                .get(0)
                .get(column);
    }

    @Test
    void aLiveJobWithTheSameDedupeKeyIsNotEnqueuedTwice() {
        enqueue("order-1");

        assertThat(queue.enqueue(type, "order-1", "{}", LIMITS, Duration.ZERO)).isEmpty();
        assertThat(queue.enqueue(type, "order-2", "{}", LIMITS, Duration.ZERO)).isPresent();
        assertThat(queue.enqueue(type, null, "{}", LIMITS, Duration.ZERO)).isPresent();
        assertThat(queue.enqueue(type, null, "{}", LIMITS, Duration.ZERO)).isPresent();
    }

    @Test
    void manyKeyedJobsAreEnqueuedAtOnceAndAKeyStillWaitingGetsNone() {
        enqueue("sku:B");

        int added = queue.enqueueAll(
                type,
                new java.util.TreeMap<>(Map.of("sku:A", "{\"sku\":\"A\"}", "sku:B", "{}", "sku:C", "{}")),
                LIMITS,
                Duration.ofMinutes(5));

        assertThat(added).isEqualTo(2);
        assertThat(new JdbcSql(connection)
                                .query(
                                        "SELECT dedupe_key, payload FROM job WHERE job_type = ?1 ORDER BY dedupe_key",
                                        type)
                                .stream()
                                .map(row -> row.string("dedupe_key") + " " + row.string("payload"))
                                .toList())
                .containsExactly("sku:A {\"sku\":\"A\"}", "sku:B {}", "sku:C {}");
        // only the job without a delay is due
        assertThat(queue.claim("a", List.of(type), 10, Duration.ofMinutes(1)))
                .extracting(c -> c.job().payload())
                .containsExactly("{}");
        assertThat(queue.enqueueAll(type, Map.of(), LIMITS, Duration.ZERO)).isZero();
    }

    @Test
    void aJobIsNotDueBeforeItsDelay() {
        queue.enqueue(type, null, "{}", LIMITS, Duration.ofMinutes(5));

        assertThat(queue.claim("a", List.of(type), 10, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void concurrentWorkersNeverClaimTheSameJob() throws Exception {
        for (int i = 0; i < 300; i++) {
            enqueue(null);
        }
        var claimedIds = ConcurrentHashMap.<Long>newKeySet();
        var duplicates = ConcurrentHashMap.<Long>newKeySet();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
        for (int w = 0; w < 4; w++) {
            var node = "node-" + w;
            futures.add(pool.submit(() -> {
                try (var own = DriverManager.getConnection(url(DATABASE), USER, PASSWORD)) {
                    var workerQueue = new JobQueue(new JdbcSql(own));
                    start.await();
                    int claims = 0;
                    List<JobQueue.Claimed> batch;
                    while (!(batch = workerQueue.claim(node, List.of(type), 7, Duration.ofMinutes(1))).isEmpty()) {
                        for (var claimed : batch) {
                            if (!claimedIds.add(claimed.job().id())) {
                                duplicates.add(claimed.job().id());
                            }
                            workerQueue.finish(claimed, node, JobResult.succeeded(200), BACKOFF);
                            claims++;
                        }
                    }
                    return claims;
                }
            }));
        }
        start.countDown();
        int total = 0;
        for (var future : futures) {
            total += future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(duplicates).isEmpty();
        assertThat(total).isEqualTo(300);
        assertThat(claimedIds).hasSize(300);
        assertThat(new JdbcSql(connection)
                        .query("SELECT count(*) AS n FROM job WHERE job_type = ?1 " + "AND state = 'succeeded'", type)
                        .get(0)
                        .count("n"))
                .isEqualTo(300L);
    }

    @Test
    void failuresBackOffAndTheLastAttemptMakesTheJobDead() {
        var id = enqueue(null);

        for (int attempt = 1; attempt <= 3; attempt++) {
            var claimed = claimOne("a", Duration.ofMinutes(1));
            assertThat(claimed.job().attempt()).isEqualTo(attempt);
            var state = queue.finish(claimed, "a", JobResult.retry(503, "unavailable " + attempt, null), BACKOFF);
            assertThat(state).hasValue(attempt < 3 ? "pending" : "dead");
            if (attempt < 3) {
                assertThat(queue.claim("a", List.of(type), 1, Duration.ofMinutes(1)))
                        .as("backing off")
                        .isEmpty();
                makeDue(id);
            }
        }

        assertThat(column(id, "last_error")).isEqualTo("unavailable 3");
        assertThat(column(id, "finished_at")).isNotNull();
        assertThat(new JdbcSql(connection)
                        .query(
                                "SELECT attempt, outcome, http_status FROM job_attempt "
                                        + "WHERE job_id = ?1 ORDER BY attempt",
                                id))
                .extracting(r -> r.get("attempt") + ":" + r.get("outcome") + ":" + r.get("http_status"))
                .containsExactly("1:retry:503", "2:retry:503", "3:dead:503");
    }

    @Test
    void retryAfterIsAFloorForTheNextAttempt() {
        var id = enqueue(null);
        var claimed = claimOne("a", Duration.ofMinutes(1));

        queue.finish(claimed, "a", JobResult.retry(429, "slow down", Duration.ofSeconds(120)), BACKOFF);

        var seconds = ((Number) new JdbcSql(connection)
                        .query("SELECT extract(epoch FROM run_at - now()) AS s FROM job WHERE job_id = ?1", id)
                        .get(0)
                        .get("s"))
                .doubleValue();
        assertThat(seconds).isBetween(115.0, 121.0);
    }

    @Test
    void aPermanentFailureIsDeadAtOnce() {
        var id = enqueue(null);

        var state = queue.finish(
                claimOne("a", Duration.ofMinutes(1)), "a", JobResult.permanent(404, "no such order"), BACKOFF);

        assertThat(state).hasValue("dead");
        assertThat(column(id, "last_status")).isEqualTo(404);
    }

    @Test
    void theLastTryIsAtTheGiveUpTimeAndAFailureThenIsDead() {
        var id = queue.enqueue(type, null, "{}", new JobQueue.Limits(100, Duration.ofSeconds(30)), Duration.ZERO)
                .orElseThrow();

        var state = queue.finish(
                claimOne("a", Duration.ofMinutes(1)),
                "a",
                JobResult.retry(503, "down", Duration.ofMinutes(5)),
                BACKOFF);

        assertThat(state).hasValue("pending");
        assertThat(column(id, "run_at")).isEqualTo(column(id, "give_up_at"));
        new JdbcSql(connection).update("UPDATE job SET give_up_at = now(), run_at = now() WHERE job_id = ?1", id);
        assertThat(queue.finish(claimOne("a", Duration.ofMinutes(1)), "a", JobResult.retry(503, "down", null), BACKOFF))
                .hasValue("dead");
    }

    @Test
    void withoutAnAttemptLimitAJobKeepsRetryingUntilItsGiveUpTime() {
        var id = queue.enqueue(type, null, "{}", new JobQueue.Limits(0, Duration.ofHours(1)), Duration.ZERO)
                .orElseThrow();

        for (int attempt = 1; attempt <= 30; attempt++) {
            assertThat(queue.finish(
                            claimOne("a", Duration.ofMinutes(1)), "a", JobResult.retry(503, "down", null), BACKOFF))
                    .as("attempt " + attempt)
                    .hasValue("pending");
            makeDue(id);
        }

        assertThat(column(id, "attempts")).isEqualTo(30);
        var seconds = ((Number) new JdbcSql(connection)
                        .query("SELECT extract(epoch FROM run_at - updated_at) AS s FROM job WHERE job_id = ?1", id)
                        .get(0)
                        .get("s"))
                .doubleValue();
        assertThat(seconds).as("capped back-off").isLessThanOrEqualTo(600.0);
    }

    @Test
    void aDeferredAttemptIsNotCountedAndWaitsAsLongAsAsked() {
        var id = enqueue(null);
        assertThat(queue.finish(
                        claimOne("a", Duration.ofMinutes(1)), "a", JobResult.retry(503, "unavailable", null), BACKOFF))
                .hasValue("pending");
        makeDue(id);

        for (int i = 0; i < 5; i++) {
            var claimed = claimOne("a", Duration.ofMinutes(1));
            assertThat(claimed.job().attempt()).isEqualTo(2);
            var state = queue.finish(
                    claimed,
                    "a",
                    JobResult.deferred("waiting for the circuit breaker", Duration.ofSeconds(40)),
                    BACKOFF);
            assertThat(state).hasValue("pending");
            var seconds = ((Number) new JdbcSql(connection)
                            .query("SELECT extract(epoch FROM run_at - now()) AS s FROM job WHERE job_id = ?1", id)
                            .get(0)
                            .get("s"))
                    .doubleValue();
            assertThat(seconds).isBetween(38.0, 41.0);
            makeDue(id);
        }

        assertThat(column(id, "attempts")).isEqualTo(1);
        assertThat(column(id, "last_error")).isEqualTo("waiting for the circuit breaker");
        assertThat(column(id, "last_status")).as("the last real answer").isEqualTo(503);
        var claimed = claimOne("a", Duration.ofMinutes(1));
        assertThat(queue.finish(claimed, "a", JobResult.succeeded(200), BACKOFF))
                .hasValue("succeeded");
        assertThat(new JdbcSql(connection)
                        .query("SELECT attempt, outcome FROM job_attempt WHERE job_id = ?1 " + "ORDER BY attempt", id))
                .extracting(r -> r.get("attempt") + ":" + r.get("outcome"))
                .containsExactly("1:retry", "2:succeeded");
    }

    @Test
    void aDeferralDoesNotOutliveTheGiveUpTime() {
        var id = queue.enqueue(type, null, "{}", new JobQueue.Limits(0, Duration.ofSeconds(30)), Duration.ZERO)
                .orElseThrow();

        assertThat(queue.finish(
                        claimOne("a", Duration.ofMinutes(1)),
                        "a",
                        JobResult.deferred("waiting", Duration.ofMinutes(5)),
                        BACKOFF))
                .hasValue("pending");
        assertThat(column(id, "run_at")).isEqualTo(column(id, "give_up_at"));
        new JdbcSql(connection).update("UPDATE job SET give_up_at = now(), run_at = now() WHERE job_id = ?1", id);

        assertThat(queue.finish(
                        claimOne("a", Duration.ofMinutes(1)),
                        "a",
                        JobResult.deferred("waiting", Duration.ofMinutes(5)),
                        BACKOFF))
                .hasValue("dead");
        assertThat(column(id, "finished_at")).isNotNull();
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndTheOldWorkerIsFencedOut() throws Exception {
        var id = enqueue(null);
        var first = claimOne("crashed-node", Duration.ofSeconds(1));
        assertThat(queue.claim("other", List.of(type), 1, Duration.ofMinutes(1)))
                .as("lease still held")
                .isEmpty();

        Thread.sleep(1500);
        var second = claimOne("other", Duration.ofMinutes(1));

        assertThat(second.job().id()).isEqualTo(id);
        assertThat(second.job().attempt()).isEqualTo(2);
        assertThat(queue.finish(first, "crashed-node", JobResult.succeeded(200), BACKOFF))
                .isEmpty();
        assertThat(queue.finish(second, "other", JobResult.succeeded(200), BACKOFF))
                .hasValue("succeeded");
        assertThat(Set.of(column(id, "state"))).containsExactly("succeeded");
    }
}
