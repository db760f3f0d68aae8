package io.ordergate.jobs.control;

import io.ordergate.jobs.boundary.JobHandler;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.platform.boundary.WorkerPools;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs due jobs on every node: polls the queue, claims as many jobs as it has idle workers, runs
 * each job's handler on a worker thread outside any transaction, and records the outcome. Only
 * job types with a handler in this application are claimed.
 *
 * <p>Why it does not only poll on a timer: one claim per poll interval capped a node at
 * {@code workers / interval} jobs per second (16/s with the defaults) however short the jobs are.
 * A full claim is followed by another one at once, a finished job frees its worker for the next
 * claim at once, and a job enqueued on this node wakes the worker after its transaction commits
 * ({@link #wake()}). The timer remains for jobs that become due later (backoff) and for jobs
 * enqueued on other nodes.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobWorker {

    static final Logger LOG = Logger.getLogger(JobWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WorkerPools pools;

    @Inject
    JobStore store;

    @Inject
    @Any
    Instance<JobHandler> handlerBeans;

    @Inject
    @ConfigProperty(name = "ordergate.jobs.workers")
    int workers;

    @Inject
    @ConfigProperty(name = "ordergate.jobs.poll-interval")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "ordergate.jobs.lease")
    Duration lease;

    @Inject
    @ConfigProperty(name = "ordergate.jobs.backoff-base")
    Duration backoffBase;

    /**
     * Short, because a job gives up by time, not by attempts: a long wait would only delay the
     * first try after the partner recovers. An outage costs few calls anyway, since a job that
     * meets an open circuit breaker is deferred until the breaker lets calls through, without an
     * attempt.
     */
    @Inject
    @ConfigProperty(name = "ordergate.jobs.backoff-cap")
    Duration backoffCap;

    final String node = nodeName();
    final Map<String, JobHandler> handlers = new HashMap<>();
    /** Claimed jobs not finished yet; never more than {@code workers}. */
    final AtomicInteger busy = new AtomicInteger();
    /** A poll has been asked for and not started yet: many wake-ups in a row cost one poll. */
    final AtomicBoolean pollWanted = new AtomicBoolean();

    ThreadPoolExecutor pool;
    ScheduledFuture<?> polling;
    Backoff backoff;

    @PostConstruct
    void start() {
        handlerBeans.forEach(handler -> handlers.put(handler.type(), handler));
        backoff = new Backoff(backoffBase, backoffCap);
        pool = pools.create(workers, workers);
        polling = scheduler.scheduleWithFixedDelay(
                this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Job worker " + node + " runs " + (handlers.isEmpty() ? "no job types yet" : handlers.keySet())
                + " with " + workers + " workers");
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** Asks for a poll soon, on the scheduler's thread; cheap, and coalesced with one already asked for. */
    public void wake() {
        if (handlers.isEmpty() || !pollWanted.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // Shutting down: the next start polls anyway.
            pollWanted.set(false);
        }
    }

    /** Claims jobs while workers are idle and the queue hands out as many as asked for. */
    synchronized void poll() {
        pollWanted.set(false);
        if (handlers.isEmpty()) {
            return;
        }
        try {
            int idle;
            while ((idle = workers - busy.get()) > 0) {
                var claimed = store.claim(node, List.copyOf(handlers.keySet()), idle, lease);
                claimed.forEach(this::dispatch);
                if (claimed.size() < idle) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database may be down: the next poll tries again; claimed jobs come back after their lease.
            LOG.log(Level.WARNING, "Job polling failed: {0}", String.valueOf(e));
        }
    }

    private void dispatch(JobQueue.Claimed claimed) {
        busy.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    run(claimed);
                } finally {
                    busy.decrementAndGet();
                    wake();
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the job runs again when its lease ends.
            busy.decrementAndGet();
        }
    }

    void run(JobQueue.Claimed claimed) {
        var job = claimed.job();
        var handler = handlers.get(job.type());
        JobResult result;
        try {
            result = handler.run(job);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job " + job.id() + " (" + job.type() + ") failed", e);
            result = JobResult.retry(null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        try {
            store.finish(claimed, node, result, backoff, handler);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not record the outcome of job " + job.id() + "; it runs again when its lease ends: {0}",
                    String.valueOf(e));
        }
    }

    static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
