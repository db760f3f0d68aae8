package io.ordergate.scayle.control;

import io.ordergate.platform.boundary.WorkerPools;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The threads that store webhook deliveries, so that the request thread can leave the servlet and
 * a 503 can go out at the answer deadline while storage still hangs. Sized for the database pool;
 * a full queue is answered 503 at once.
 */
@ApplicationScoped
public class WebhookWorkers {

    static final int THREADS = 40;
    static final int QUEUE = 1000;

    @Inject
    WorkerPools pools;

    private Executor pool;

    @PostConstruct
    void start() {
        pool = pools.create(THREADS, QUEUE);
    }

    /** @throws RejectedExecutionException when every worker is busy and the queue is full */
    public void execute(Runnable work) {
        pool.execute(work);
    }
}
