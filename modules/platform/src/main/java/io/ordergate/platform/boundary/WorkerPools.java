package io.ordergate.platform.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounded pools of container-managed threads (the default managed thread factory), on which EJBs,
 * transactions and JNDI work. A full pool rejects new work at once instead of queueing it forever.
 *
 * <p>Why not a managed executor: Payara's default one has a core pool of 0 and an unbounded
 * queue (in effect one thread), and a {@code @ManagedExecutorDefinition} in a module jar is not
 * bound. All pools end with the application.
 */
@ApplicationScoped
public class WorkerPools {

    @Resource
    ManagedThreadFactory threadFactory;

    private final List<ExecutorService> pools = new CopyOnWriteArrayList<>();

    /** @throws java.util.concurrent.RejectedExecutionException from {@code execute} when full */
    public ThreadPoolExecutor create(int threads, int queue) {
        var pool = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), threadFactory);
        pool.allowCoreThreadTimeOut(true);
        pools.add(pool);
        return pool;
    }

    @PreDestroy
    void stop() {
        pools.forEach(ExecutorService::shutdown);
    }
}
