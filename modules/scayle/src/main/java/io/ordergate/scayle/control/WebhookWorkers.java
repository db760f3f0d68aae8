package io.ordergate.scayle.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that store webhook deliveries, so that the request thread can leave the servlet and
 * a 503 can go out at the answer deadline while storage still hangs. Container-managed threads
 * (the default managed thread factory) carry the application's context, so EJBs and transactions
 * work on them. Sized for the database pool; a full queue is answered 503 at once.
 *
 * <p>Why not a managed executor: Payara's default one has a core pool of 0 and an unbounded queue
 * (effectively one thread), and a {@code @ManagedExecutorDefinition} in a module jar is not bound.
 */
@ApplicationScoped
public class WebhookWorkers {

    static final int THREADS = 40;
    static final int QUEUE = 1000;

    @Resource
    ManagedThreadFactory threadFactory;

    private volatile ThreadPoolExecutor pool;

    /** @throws RejectedExecutionException when every worker is busy and the queue is full */
    public void execute(Runnable work) {
        pool().execute(work);
    }

    ThreadPoolExecutor pool() {
        var current = pool;
        if (current == null) {
            synchronized (this) {
                current = pool;
                if (current == null) {
                    current = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                            new ArrayBlockingQueue<>(QUEUE), threadFactory);
                    current.allowCoreThreadTimeOut(true);
                    pool = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
