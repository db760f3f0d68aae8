package io.ordergate.scalepoint.control;

import io.ordergate.scalepoint.boundary.RefreshTick;
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
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ticks the refresh schedule on every node ({@code ordergate.scalepoint.refresh-tick}); the
 * database hands each due order to one of them ({@link DueRefreshes}). A node whose Order Data
 * circuit breaker refuses calls queues nothing: the fetches would only wait for the breaker. Nothing
 * ticks while the schedule is off. A tick that fails (the database is down) is logged, and the next
 * one tries again.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefreshScheduler {

    static final Logger LOG = Logger.getLogger(RefreshScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RefreshSchedule schedule;

    @Inject
    DueRefreshes due;

    @Inject
    CircuitWatch circuit;

    @Inject
    Clock clock;

    ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        if (!schedule.enabled()) {
            LOG.info("The Scalepoint refresh schedule is off (ordergate.scalepoint.refresh-interval)");
            return;
        }
        long period = schedule.tick().toMillis();
        ticking = scheduler.scheduleWithFixedDelay(this::scheduled, period, period, TimeUnit.MILLISECONDS);
    }

    void scheduled() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A tick of the Scalepoint refresh schedule failed: {0}", String.valueOf(e));
        }
    }

    /** One tick on this node: the due orders' fetches queued, at most a batch. */
    public RefreshTick tick() {
        if (!schedule.enabled()) {
            return new RefreshTick("off", List.of(), 0);
        }
        if (circuit.orderDataRefusing(clock.instant())) {
            return new RefreshTick("circuit-open", List.of(), 0);
        }
        var tokens = due.claim(schedule.batch());
        int queued = tokens.isEmpty() ? 0 : due.enqueue(tokens);
        return new RefreshTick(null, tokens, queued);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
