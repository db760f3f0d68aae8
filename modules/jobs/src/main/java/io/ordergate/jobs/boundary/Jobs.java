package io.ordergate.jobs.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.control.EntityManagerSql;
import io.ordergate.jobs.control.JobQueue;
import io.ordergate.jobs.control.JobWorker;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The job queue's front door: enqueue in the caller's transaction, list, inspect, retry. */
@Stateless
@DenyAll
public class Jobs {

    static final String COLUMNS = "job_id, job_type, dedupe_key, state, attempts, max_attempts, run_at, give_up_at, "
            + "last_status, last_error, created_at, updated_at, finished_at, payload";
    static final List<String> STATES = List.of("pending", "failing", "running", "succeeded", "dead");

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    JobWorker worker;

    /** 0: no attempt limit, a failing job is given up by time alone. */
    @Inject
    @ConfigProperty(name = "ordergate.jobs.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "ordergate.jobs.give-up-after")
    Duration giveUpAfter;

    /**
     * Adds a job that commits or rolls back with the caller's transaction.
     *
     * @param dedupeKey when not null, nothing is added while a job of this type and key is waiting
     *     to run (a running job does not count: what is asked for now may need a new run)
     * @return the new job's id, or empty when deduplicated
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @PermitAll
    public Optional<Long> enqueue(String type, String dedupeKey, String payload) {
        var id = new JobQueue(new EntityManagerSql(em)).enqueue(type, dedupeKey, payload,
                new JobQueue.Limits(maxAttempts, giveUpAfter), Duration.ZERO);
        id.ifPresent(added -> wakeWorkerAfterCommit());
        return id;
    }

    /**
     * Makes sure a job of this type and key runs soon, in the caller's transaction: a new one, or
     * the one already waiting, moved forward to now if it was backing off.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @PermitAll
    public JobRequested request(String type, String dedupeKey, String payload) {
        var requested = new JobQueue(new EntityManagerSql(em)).request(type, dedupeKey, payload,
                new JobQueue.Limits(maxAttempts, giveUpAfter));
        wakeWorkerAfterCommit();
        return requested;
    }

    /**
     * The job is visible to workers only once the caller's transaction commits: wake this node's
     * worker then, instead of leaving the job to the next poll.
     */
    private void wakeWorkerAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wake();
                }
            }
        });
    }

    /** Most recently changed first; {@code state} one of {@link #STATES} or null for all. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<JobView> list(String state, String type, Page.Request page) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new ArrayList<Object>();
        if (state != null && !state.isBlank()) {
            if (!STATES.contains(state)) {
                throw new ProblemException(400, "Invalid state", "state must be one of " + STATES + ".");
            }
            switch (state) {
                case "pending" -> where.append(" AND state = 'pending' AND attempts = 0");
                case "failing" -> where.append(" AND state = 'pending' AND attempts > 0");
                default -> {
                    where.append(" AND state = ?");
                    parameters.add(state);
                }
            }
        }
        if (type != null && !type.isBlank()) {
            where.append(" AND job_type = ?");
            parameters.add(type);
        }
        var sql = new EntityManagerSql(em);
        var rows = new ArrayList<>(parameters);
        rows.add(page.size());
        rows.add(page.offset());
        var items = sql.query("SELECT " + COLUMNS + " FROM job" + where
                + " ORDER BY updated_at DESC, job_id DESC LIMIT ? OFFSET ?", rows.toArray()).stream()
                .map(row -> view(row, List.of()))
                .toList();
        long total = ((Number) sql.query("SELECT count(*) FROM job" + where, parameters.toArray()).get(0)[0])
                .longValue();
        return new Page<>(items, total);
    }

    /** One job with every attempt. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<JobView> find(long id) {
        var sql = new EntityManagerSql(em);
        var rows = sql.query("SELECT " + COLUMNS + " FROM job WHERE job_id = ?", id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var attempts = sql.query("SELECT attempt, node, started_at, finished_at, outcome, http_status, error "
                + "FROM job_attempt WHERE job_id = ? ORDER BY attempt", id).stream()
                .map(r -> new JobView.Attempt(((Number) r[0]).intValue(), (String) r[1], instant(r[2]), instant(r[3]),
                        (String) r[4], integer(r[5]), (String) r[6]))
                .toList();
        return Optional.of(view(rows.get(0), attempts));
    }

    /**
     * Runs a dead or backing-off job again now, with a fresh allowance of attempts and time.
     *
     * @throws ProblemException 404 unknown, 409 when it is running, succeeded, or another job for
     *     the same thing is already live
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public JobView retry(long id, String actor) {
        var job = find(id).orElseThrow(() -> new ProblemException(404, "Not Found", "There is no job " + id + "."));
        if (job.state().equals("running") || job.state().equals("succeeded")) {
            throw new ProblemException(409, "Conflict", "Job " + id + " is " + job.state() + "; only dead or "
                    + "waiting jobs can be retried.");
        }
        var sql = new EntityManagerSql(em);
        if (job.dedupeKey() != null && !sql.query("SELECT 1 FROM job WHERE job_type = ? AND dedupe_key = ? "
                + "AND state = 'pending' AND job_id <> ?", job.type(), job.dedupeKey(), id).isEmpty()) {
            throw new ProblemException(409, "Conflict", "Another job for the same " + job.type() + " is already "
                    + "waiting to run.");
        }
        sql.update("UPDATE job SET state = 'pending', run_at = now(), "
                + "max_attempts = CASE WHEN ? > 0 THEN attempts + ? ELSE 0 END, "
                + "give_up_at = now() + make_interval(secs => ?), locked_by = NULL, locked_until = NULL, "
                + "finished_at = NULL, updated_at = now() WHERE job_id = ?", maxAttempts, maxAttempts,
                (double) giveUpAfter.toSeconds(), id);
        audit.record(AuditEntry.byUser(actor, "job.retried", "job", String.valueOf(id),
                Map.of("type", job.type(), "previousState", job.state(), "attempts", String.valueOf(job.attempts()))));
        return find(id).orElseThrow();
    }

    /** Counts per state and the age of the backlog, of one job type or (null) of all. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JobSummary summary(String type) {
        var sql = "SELECT count(*) FILTER (WHERE state = 'pending' AND attempts = 0), "
                + "count(*) FILTER (WHERE state = 'pending' AND attempts > 0), "
                + "count(*) FILTER (WHERE state = 'running'), count(*) FILTER (WHERE state = 'dead'), "
                + "count(*) FILTER (WHERE state = 'succeeded'), min(created_at) FILTER (WHERE state = 'pending') "
                + "FROM job";
        var queries = new EntityManagerSql(em);
        var row = (type == null || type.isBlank() ? queries.query(sql) : queries.query(sql + " WHERE job_type = ?",
                type)).get(0);
        return new JobSummary(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                instant(row[5]));
    }

    /**
     * Retries several jobs, each as {@link #retry} would and each in its own transaction: one that
     * cannot be retried is reported with the reason, the others still are.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RetryResult retryAll(List<Long> ids, String actor) {
        var retried = new ArrayList<Long>();
        var refused = new ArrayList<RetryResult.Refused>();
        var self = context.getBusinessObject(Jobs.class);
        for (var id : new LinkedHashSet<>(ids)) {
            try {
                self.retry(id, actor);
                retried.add(id);
            } catch (ProblemException e) {
                refused.add(new RetryResult.Refused(id, e.problem().detail()));
            }
        }
        return new RetryResult(retried, refused);
    }

    static JobView view(Object[] r, List<JobView.Attempt> attempts) {
        var state = (String) r[3];
        int tried = ((Number) r[4]).intValue();
        return new JobView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                state.equals("pending") && tried > 0 ? "failing" : state, tried, ((Number) r[5]).intValue(),
                instant(r[6]), instant(r[7]), integer(r[8]), (String) r[9], instant(r[10]), instant(r[11]),
                instant(r[12]), (String) r[13], attempts);
    }

    static java.time.Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
