package io.ordergate.console.ui;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The console's own threads for watching something on behalf of a user (a refresh's progress).
 *
 * <p>Why not the server's default managed scheduled executor: in Payara Micro it runs on one
 * thread, shared with the audit sealer, the job workers and the rejection summaries; a sealing
 * backlog held a watch's 300 ms polls back for seconds, and the user saw no progress. These threads
 * come from the server's thread factory, and each task runs with the context of the request that
 * started it (a contextual proxy), so the facades see the user and their roles.
 */
@ApplicationScoped
public class Watchers {

    static final int THREADS = 2;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ContextService context;

    ScheduledThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ScheduledThreadPoolExecutor(THREADS, threads);
        pool.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Runs {@code task} now and then {@code every} after each run ends, as the calling user. */
    public ScheduledFuture<?> every(Duration every, Runnable task) {
        var asCaller = context.createContextualProxy(task, Runnable.class);
        return pool.scheduleWithFixedDelay(asCaller, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }
}
