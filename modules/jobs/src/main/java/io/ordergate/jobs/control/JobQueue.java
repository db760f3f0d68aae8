package io.ordergate.jobs.control;

import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobRequested;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.platform.boundary.Jsons;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The queue's SQL. PostgreSQL decides everything that more than one node could race on: who
 * claims a job ({@code FOR UPDATE SKIP LOCKED}), whether a lease has expired, and whether a
 * completion still belongs to the worker reporting it (fenced by node and attempt number).
 */
public class JobQueue {

    static final String ENQUEUE = """
            INSERT INTO job (job_type, dedupe_key, payload, state, max_attempts, give_up_at, run_at, created_at,
                             updated_at)
            VALUES (?1, ?2, ?3, 'pending', ?4, now() + make_interval(secs => ?5), now() + make_interval(secs => ?6),
                    now(), now())
            ON CONFLICT (job_type, dedupe_key) WHERE dedupe_key IS NOT NULL AND state = 'pending'
            DO NOTHING
            RETURNING job_id""";
    /** Many keyed jobs in one statement, in key order; keys already waiting are skipped. */
    static final String ENQUEUE_ALL = """
            INSERT INTO job (job_type, dedupe_key, payload, state, max_attempts, give_up_at, run_at, created_at,
                             updated_at)
            SELECT ?1, j.dedupe_key, j.payload, 'pending', ?3, now() + make_interval(secs => ?4),
                   now() + make_interval(secs => ?5), now(), now()
            FROM jsonb_to_recordset(CAST(?2 AS jsonb)) AS j(dedupe_key text, payload text)
            ORDER BY j.dedupe_key
            ON CONFLICT (job_type, dedupe_key) WHERE dedupe_key IS NOT NULL AND state = 'pending'
            DO NOTHING""";

    static final String CLAIM = """
            UPDATE job SET state = 'running', attempts = attempts + 1, locked_by = ?1,
                           locked_until = now() + make_interval(secs => ?2), updated_at = now()
            WHERE job_id IN (
                SELECT job_id FROM job
                WHERE job_type = ANY (string_to_array(?3, ','))
                  AND ((state = 'pending' AND run_at <= now()) OR (state = 'running' AND locked_until < now()))
                ORDER BY run_at
                LIMIT ?4
                FOR UPDATE SKIP LOCKED)
            RETURNING job_id, job_type, payload, attempts, created_at, now() AS started_at""";
    /*
     * One outcome per call: succeeded, permanent, retry (a failed attempt) or deferred (not tried:
     * the attempt is given back). Give-up is by time: a job is never scheduled after its give-up time,
     * and one that fails or is deferred at or after it is dead. The attempt limit applies only when
     * one is set (max_attempts > 0).
     */
    static final String FINISH = """
            WITH outcome (kind, delay, status, error) AS (
                VALUES (CAST(?1 AS TEXT), CAST(?2 AS DOUBLE PRECISION), CAST(?3 AS INTEGER), CAST(?4 AS TEXT)))
            UPDATE job SET
                state = CASE WHEN kind = 'succeeded' THEN 'succeeded'
                             WHEN kind = 'permanent' OR now() >= give_up_at
                                  OR (kind = 'retry' AND max_attempts > 0 AND attempts >= max_attempts) THEN 'dead'
                             ELSE 'pending' END,
                attempts = CASE WHEN kind = 'deferred' THEN attempts - 1 ELSE attempts END,
                run_at = CASE WHEN kind IN ('succeeded', 'permanent') THEN run_at
                              ELSE least(now() + make_interval(secs => delay), give_up_at) END,
                last_status = CASE WHEN kind = 'deferred' THEN last_status ELSE status END,
                last_error = error, locked_by = NULL, locked_until = NULL, updated_at = now(),
                finished_at = CASE WHEN kind IN ('succeeded', 'permanent') OR now() >= give_up_at
                                        OR (kind = 'retry' AND max_attempts > 0 AND attempts >= max_attempts)
                                   THEN now() END
            FROM outcome
            WHERE job_id = ?5 AND locked_by = ?6 AND attempts = ?7 AND state = 'running'
            RETURNING job.state""";
    static final String ATTEMPT = """
            INSERT INTO job_attempt (job_id, attempt, node, started_at, finished_at, outcome, http_status, error)
            VALUES (?1, ?2, ?3, ?4, now(), ?5, CAST(?6 AS INTEGER), ?7)
            ON CONFLICT (job_id, attempt) DO NOTHING""";
    static final String PULL_FORWARD = """
            UPDATE job SET run_at = least(run_at, now()), updated_at = now()
            WHERE job_type = ?1 AND dedupe_key = ?2 AND state = 'pending'
            RETURNING job_id""";
    /** A dead or waiting job starts over now, with a fresh allowance of attempts and time. */
    static final String RESTART = """
            UPDATE job SET state = 'pending', run_at = now(),
                           max_attempts = CASE WHEN ?1 > 0 THEN attempts + ?1 ELSE 0 END,
                           give_up_at = now() + make_interval(secs => ?2), locked_by = NULL, locked_until = NULL,
                           finished_at = NULL, updated_at = now()
            WHERE job_id = ?3""";

    static final int MAX_ERROR = 2000;

    final Sql sql;

    public JobQueue(Sql sql) {
        this.sql = sql;
    }

    /**
     * @param dedupeKey when not null, nothing is enqueued while a job of the same type and key is
     *     waiting (pending); a job that is already running does not hold its key
     * @return the new job's id, or empty when deduplicated
     */
    public Optional<Long> enqueue(String type, String dedupeKey, String payload, Limits limits, Duration delay) {
        var rows = sql.query(
                ENQUEUE,
                type,
                dedupeKey,
                payload,
                limits.maxAttempts(),
                (double) limits.giveUpAfter().toSeconds(),
                delay.toMillis() / 1000.0);
        return rows.stream().findFirst().map(row -> row.longValue("job_id"));
    }

    /**
     * Enqueues a job per key in one statement, each waiting {@code delay}; a key with a job waiting
     * already gets none.
     *
     * @param payloads per dedupe key
     * @return how many jobs were added
     */
    public int enqueueAll(String type, Map<String, String> payloads, Limits limits, Duration delay) {
        if (payloads.isEmpty()) {
            return 0;
        }
        var rows = Jsons.createArrayBuilder();
        payloads.forEach((key, payload) ->
                rows.add(Jsons.createObjectBuilder().add("dedupe_key", key).add("payload", payload)));
        return sql.update(
                ENQUEUE_ALL,
                type,
                rows.build().toString(),
                limits.maxAttempts(),
                (double) limits.giveUpAfter().toSeconds(),
                delay.toMillis() / 1000.0);
    }

    /**
     * Makes sure a run of this key starts soon: enqueues one, or pulls the waiting one (perhaps
     * backing off) forward to now.
     *
     * @return the job that will run, and whether it is new
     */
    public JobRequested request(String type, String dedupeKey, String payload, Limits limits) {
        for (int tries = 0; tries < 3; tries++) {
            var queued = enqueue(type, dedupeKey, payload, limits, Duration.ZERO);
            if (queued.isPresent()) {
                return new JobRequested(queued.get(), true);
            }
            var waiting = sql.query(PULL_FORWARD, type, dedupeKey);
            if (!waiting.isEmpty()) {
                return new JobRequested(waiting.get(0).longValue("job_id"), false);
            }
            // The waiting job was claimed between the two statements: enqueue again.
        }
        throw new IllegalStateException(
                "Could not queue a " + type + " job for " + dedupeKey + ": it kept being claimed.");
    }

    /** A claimed job. */
    public record Claimed(Job job) {

        /** When this attempt started (database time). */
        public Instant startedAt() {
            return job.startedAt();
        }
    }

    /** Claims up to {@code limit} due jobs (or jobs whose lease expired) of the given types. */
    public List<Claimed> claim(String node, List<String> types, int limit, Duration lease) {
        if (types.isEmpty() || limit <= 0) {
            return List.of();
        }
        return sql.query(CLAIM, node, (double) lease.toSeconds(), String.join(",", types), limit).stream()
                .map(row -> new Claimed(new Job(
                        row.longValue("job_id"),
                        row.string("job_type"),
                        row.string("payload"),
                        row.integer("attempts"),
                        row.instant("created_at"),
                        row.instant("started_at"))))
                .toList();
    }

    /**
     * Records the attempt and moves the job on: succeeded, pending again after the backoff (or,
     * deferred, after the wait it asked for, with the attempt given back and no attempt record), or
     * dead. A worker whose lease expired meanwhile (another node took the job over) changes nothing
     * but its attempt record.
     *
     * @return the job's new state, or empty when this worker no longer owned the job
     */
    public Optional<String> finish(Claimed claimed, String node, JobResult result, Backoff backoff) {
        var job = claimed.job();
        String kind;
        var delay = Duration.ZERO;
        if (result instanceof JobResult.Succeeded) {
            kind = "succeeded";
        } else if (result instanceof JobResult.Permanent) {
            kind = "permanent";
        } else if (result instanceof JobResult.Deferred deferred) {
            kind = "deferred";
            delay = deferred.delay().isNegative() ? Duration.ZERO : deferred.delay();
        } else {
            kind = "retry";
            delay = backoff.delay(
                    job.attempt(),
                    ((JobResult.Retry) result).retryAfter(),
                    ThreadLocalRandom.current().nextDouble());
        }
        Integer status = result.httpStatus();
        var error = result.error() == null || result.error().length() <= MAX_ERROR
                ? result.error()
                : result.error().substring(0, MAX_ERROR);
        var state =
                sql
                        .query(FINISH, kind, delay.toMillis() / 1000.0, status, error, job.id(), node, job.attempt())
                        .stream()
                        .findFirst()
                        .map(row -> row.string("state"));
        if (result instanceof JobResult.Deferred) {
            // Not an attempt: its number is used again by the next real one.
            return state;
        }
        var outcome = kind.equals("succeeded")
                ? "succeeded"
                : state.map(s -> s.equals("dead") ? "dead" : "retry").orElse("retry");
        sql.update(ATTEMPT, job.id(), job.attempt(), node, Timestamp.from(claimed.startedAt()), outcome, status, error);
        return state;
    }

    /**
     * How long a job may keep failing: until {@code giveUpAfter} has passed since it was queued,
     * and, when {@code maxAttempts} is above 0, for at most that many attempts.
     */
    public record Limits(int maxAttempts, Duration giveUpAfter) {}

    /** Whether another job of this type and key than {@code id} is waiting to run. */
    public boolean anotherWaiting(String type, String dedupeKey, long id) {
        return !sql.query(
                        "SELECT 1 FROM job WHERE job_type = ?1 AND dedupe_key = ?2 AND state = 'pending' "
                                + "AND job_id <> ?3",
                        type,
                        dedupeKey,
                        id)
                .isEmpty();
    }

    /** Runs a job again now, whatever its state, with a fresh allowance of attempts and time. */
    public void restart(long id, Limits limits) {
        sql.update(RESTART, limits.maxAttempts(), (double) limits.giveUpAfter().toSeconds(), id);
    }
}
