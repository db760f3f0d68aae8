package io.ordergate.jobs.control;

import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobRequested;
import io.ordergate.jobs.boundary.JobResult;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
            VALUES (?, ?, ?, 'pending', ?, now() + make_interval(secs => ?), now() + make_interval(secs => ?),
                    now(), now())
            ON CONFLICT (job_type, dedupe_key) WHERE dedupe_key IS NOT NULL AND state = 'pending'
            DO NOTHING
            RETURNING job_id""";
    static final String CLAIM = """
            UPDATE job SET state = 'running', attempts = attempts + 1, locked_by = ?,
                           locked_until = now() + make_interval(secs => ?), updated_at = now()
            WHERE job_id IN (
                SELECT job_id FROM job
                WHERE job_type = ANY (string_to_array(?, ','))
                  AND ((state = 'pending' AND run_at <= now()) OR (state = 'running' AND locked_until < now()))
                ORDER BY run_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING job_id, job_type, payload, attempts, created_at, now()""";
    /*
     * One outcome per call: succeeded, permanent, retry (a failed attempt) or deferred (not tried:
     * the attempt is given back). Give-up is by time: a job is never scheduled after its give-up time,
     * and one that fails or is deferred at or after it is dead. The attempt limit applies only when
     * one is set (max_attempts > 0).
     */
    static final String FINISH = """
            WITH outcome (kind, delay, status, error) AS (
                VALUES (CAST(? AS TEXT), CAST(? AS DOUBLE PRECISION), CAST(? AS INTEGER), CAST(? AS TEXT)))
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
            WHERE job_id = ? AND locked_by = ? AND attempts = ? AND state = 'running'
            RETURNING job.state""";
    static final String ATTEMPT = """
            INSERT INTO job_attempt (job_id, attempt, node, started_at, finished_at, outcome, http_status, error)
            VALUES (?, ?, ?, ?, now(), ?, CAST(? AS INTEGER), ?)
            ON CONFLICT (job_id, attempt) DO NOTHING""";
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
        var rows = sql.query(ENQUEUE, type, dedupeKey, payload, limits.maxAttempts(),
                (double) limits.giveUpAfter().toSeconds(), delay.toMillis() / 1000.0);
        return rows.stream().findFirst().map(row -> ((Number) row[0]).longValue());
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
            var waiting = sql.query("UPDATE job SET run_at = least(run_at, now()), updated_at = now() "
                    + "WHERE job_type = ? AND dedupe_key = ? AND state = 'pending' RETURNING job_id", type, dedupeKey);
            if (!waiting.isEmpty()) {
                return new JobRequested(((Number) waiting.get(0)[0]).longValue(), false);
            }
            // The waiting job was claimed between the two statements: enqueue again.
        }
        throw new IllegalStateException("Could not queue a " + type + " job for " + dedupeKey
                + ": it kept being claimed.");
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
                .map(row -> new Claimed(new Job(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        ((Number) row[3]).intValue(), instant(row[4]), instant(row[5]))))
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
            delay = backoff.delay(job.attempt(), ((JobResult.Retry) result).retryAfter(),
                    ThreadLocalRandom.current().nextDouble());
        }
        Integer status = result.httpStatus();
        var error = result.error() == null || result.error().length() <= MAX_ERROR ? result.error()
                : result.error().substring(0, MAX_ERROR);
        var state = sql.query(FINISH, kind, delay.toMillis() / 1000.0, status, error, job.id(), node, job.attempt())
                .stream().findFirst().map(row -> (String) row[0]);
        if (result instanceof JobResult.Deferred) {
            // Not an attempt: its number is used again by the next real one.
            return state;
        }
        var outcome = kind.equals("succeeded") ? "succeeded"
                : state.map(s -> s.equals("dead") ? "dead" : "retry").orElse("retry");
        sql.update(ATTEMPT, job.id(), job.attempt(), node, Timestamp.from(claimed.startedAt()), outcome, status,
                error);
        return state;
    }

    /**
     * How long a job may keep failing: until {@code giveUpAfter} has passed since it was queued,
     * and, when {@code maxAttempts} is above 0, for at most that many attempts.
     */
    public record Limits(int maxAttempts, Duration giveUpAfter) {
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
