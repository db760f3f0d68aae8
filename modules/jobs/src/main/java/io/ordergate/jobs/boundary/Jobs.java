package io.ordergate.jobs.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.jobs.control.EntityManagerSql;
import io.ordergate.jobs.control.JobQueue;
import io.ordergate.jobs.control.JobViews;
import io.ordergate.jobs.control.JobWorker;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
        var id = queue().enqueue(type, dedupeKey, payload, limits(), Duration.ZERO);
        id.ifPresent(added -> wakeWorkerAfterCommit());
        return id;
    }

    /**
     * Adds a job per dedupe key in one statement (a stock report of thousands of SKUs costs one
     * round trip, not thousands), each to run no earlier than {@code delay} from now, in the
     * caller's transaction. This debounces: while a key's job waits, further requests add nothing,
     * and what they asked for is done by its one run (a request while it runs adds the next job).
     *
     * @param payloads per dedupe key
     * @param delay zero or more; the give-up time still counts from now
     * @return how many jobs were added
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @PermitAll
    public int enqueueAll(String type, Map<String, String> payloads, Duration delay) {
        int added = queue().enqueueAll(type, payloads, limits(), delay.isNegative() ? Duration.ZERO : delay);
        if (added > 0 && delay.isZero()) {
            wakeWorkerAfterCommit();
        }
        return added;
    }

    /**
     * Makes sure a job of this type and key runs soon, in the caller's transaction: a new one, or
     * the one already waiting, moved forward to now if it was backing off.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @PermitAll
    public JobRequested request(String type, String dedupeKey, String payload) {
        var requested = queue().request(type, dedupeKey, payload, limits());
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

    /** Most recently changed first; {@code state} and {@code type} null for all. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<JobView> list(JobState state, String type, Page.Request page) {
        return views().list(state, type, page);
    }

    /** One job with every attempt. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<JobView> find(long id) {
        return views().find(id);
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
        if (job.state() == JobState.RUNNING || job.state() == JobState.SUCCEEDED) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "Job " + id + " is " + job.state().wire() + "; only dead or " + "waiting jobs can be retried.");
        }
        var queue = queue();
        if (job.dedupeKey() != null && queue.anotherWaiting(job.type(), job.dedupeKey(), id)) {
            throw new ProblemException(
                    409, "Conflict", "Another job for the same " + job.type() + " is already " + "waiting to run.");
        }
        queue.restart(id, limits());
        audit.record(AuditEntry.byUser(
                actor,
                "job.retried",
                "job",
                String.valueOf(id),
                Map.of(
                        "type",
                        job.type(),
                        "previousState",
                        job.state().wire(),
                        "attempts",
                        String.valueOf(job.attempts()))));
        return find(id).orElseThrow();
    }

    /** The newest dead job of a type and dedupe key, if any: what a module retries for its own record. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Long> deadFor(String type, String dedupeKey) {
        return views().deadFor(type, dedupeKey);
    }

    /** Counts per state and the age of the backlog, of one job type or (null) of all. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JobSummary summary(String type) {
        return views().summary(type);
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

    JobQueue queue() {
        return new JobQueue(new EntityManagerSql(em));
    }

    JobViews views() {
        return new JobViews(new EntityManagerSql(em));
    }

    JobQueue.Limits limits() {
        return new JobQueue.Limits(maxAttempts, giveUpAfter);
    }
}
