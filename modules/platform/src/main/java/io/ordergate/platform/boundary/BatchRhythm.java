package io.ordergate.platform.boundary;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works off a backlog in batches at a fixed rhythm, as the audit sealer and the summaries of
 * rejected requests do on every node: each run takes batches while they come back full, at most
 * {@code maxBatches}, so that a large backlog is worked off in steps; a run that fails (the
 * database is down, another node holds a lock) is logged, and the next run tries again.
 */
public final class BatchRhythm {

    private final ScheduledFuture<?> future;

    private BatchRhythm(ScheduledFuture<?> future) {
        this.future = future;
    }

    /**
     * @param batch takes one batch of at most {@code batchSize} and says how many it took
     * @param failure what the log says when a run fails
     */
    public static BatchRhythm start(
            ManagedScheduledExecutorService scheduler,
            Duration interval,
            int batchSize,
            int maxBatches,
            IntSupplier batch,
            Logger log,
            String failure) {
        Runnable run = () -> run(batchSize, maxBatches, batch, log, failure);
        return new BatchRhythm(
                scheduler.scheduleWithFixedDelay(run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    static void run(int batchSize, int maxBatches, IntSupplier batch, Logger log, String failure) {
        try {
            for (int i = 0; i < maxBatches && batch.getAsInt() == batchSize; i++) {
                // keep going while full batches come back
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, failure + ": {0}", String.valueOf(e));
        }
    }

    public void stop() {
        future.cancel(false);
    }
}
