package io.ordergate.jobs.control;

import io.ordergate.jobs.boundary.JobState;
import io.ordergate.jobs.boundary.JobSummary;
import io.ordergate.jobs.boundary.JobView;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.SqlRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queue as staff see it: pages of jobs, one job with its attempts, counts per state. The same
 * SQL runner as the queue's, so that it runs in the caller's transaction and, in tests, on JDBC.
 */
public class JobViews {

    static final String COLUMNS = "job_id, job_type, dedupe_key, state, attempts, max_attempts, run_at, give_up_at, "
            + "last_status, last_error, created_at, updated_at, finished_at, payload";
    /** Counts per state and the backlog's age; also the gauges' query ({@link JobGauges}). */
    static final String SUMMARY = """
            SELECT count(*) FILTER (WHERE state = 'pending' AND attempts = 0) AS pending,
                   count(*) FILTER (WHERE state = 'pending' AND attempts > 0) AS failing,
                   count(*) FILTER (WHERE state = 'running') AS running,
                   count(*) FILTER (WHERE state = 'succeeded') AS succeeded,
                   count(*) FILTER (WHERE state = 'dead') AS dead,
                   min(created_at) FILTER (WHERE state = 'pending') AS oldest_waiting_since,
                   coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE state = 'pending')), 0)
                       AS oldest_waiting_age
            FROM job""";

    final Sql sql;

    public JobViews(Sql sql) {
        this.sql = sql;
    }

    /** Most recently changed first; {@code state} and {@code type} null for any. */
    public Page<JobView> list(JobState state, String type, Page.Request page) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new ArrayList<Object>();
        if (state == JobState.PENDING) {
            where.append(" AND state = 'pending' AND attempts = 0");
        } else if (state == JobState.FAILING) {
            where.append(" AND state = 'pending' AND attempts > 0");
        } else if (state != null) {
            parameters.add(LowerCaseEnum.wire(state));
            where.append(" AND state = ?").append(parameters.size());
        }
        if (type != null && !type.isBlank()) {
            parameters.add(type);
            where.append(" AND job_type = ?").append(parameters.size());
        }
        var paged = new ArrayList<>(parameters);
        paged.add(page.size());
        paged.add(page.offset());
        var items = sql
                .query(
                        "SELECT " + COLUMNS + " FROM job" + where + " ORDER BY updated_at DESC, job_id DESC "
                                + "LIMIT ?" + (paged.size() - 1) + " OFFSET ?" + paged.size(),
                        paged.toArray())
                .stream()
                .map(row -> view(row, List.of()))
                .toList();
        long total = sql.query("SELECT count(*) AS total FROM job" + where, parameters.toArray())
                .get(0)
                .count("total");
        return new Page<>(items, total);
    }

    /** One job with every attempt. */
    public Optional<JobView> find(long id) {
        var rows = sql.query("SELECT " + COLUMNS + " FROM job WHERE job_id = ?1", id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var attempts = sql
                .query(
                        "SELECT attempt, node, started_at, finished_at, outcome, http_status, error "
                                + "FROM job_attempt WHERE job_id = ?1 ORDER BY attempt",
                        id)
                .stream()
                .map(row -> new JobView.Attempt(
                        row.integer("attempt"),
                        row.string("node"),
                        row.instant("started_at"),
                        row.instant("finished_at"),
                        row.string("outcome"),
                        row.integer("http_status"),
                        row.string("error")))
                .toList();
        return Optional.of(view(rows.get(0), attempts));
    }

    /**
     * The newest dead job of a type and dedupe key, if any (reads {@code job_state_idx}: dead jobs
     * only, which are few).
     */
    public Optional<Long> deadFor(String type, String dedupeKey) {
        return sql
                .query(
                        "SELECT job_id FROM job WHERE state = 'dead' AND job_type = ?1 AND dedupe_key = ?2 "
                                + "ORDER BY job_id DESC LIMIT 1",
                        type,
                        dedupeKey)
                .stream()
                .map(row -> row.longValue("job_id"))
                .findFirst();
    }

    /** Counts per state and the age of the backlog, of one job type or (null) of all. */
    public JobSummary summary(String type) {
        var row = (type == null || type.isBlank()
                        ? sql.query(SUMMARY)
                        : sql.query(SUMMARY + " WHERE job_type = ?1", type))
                .get(0);
        return new JobSummary(
                row.count("pending"),
                row.count("failing"),
                row.count("running"),
                row.count("dead"),
                row.count("succeeded"),
                row.instant("oldest_waiting_since"));
    }

    static JobView view(SqlRow row, List<JobView.Attempt> attempts) {
        int tried = row.integer("attempts");
        return new JobView(
                row.longValue("job_id"),
                row.string("job_type"),
                row.string("dedupe_key"),
                JobState.of(row.string("state"), tried),
                tried,
                row.integer("max_attempts"),
                row.instant("run_at"),
                row.instant("give_up_at"),
                row.integer("last_status"),
                row.string("last_error"),
                row.instant("created_at"),
                row.instant("updated_at"),
                row.instant("finished_at"),
                row.string("payload"),
                attempts);
    }
}
