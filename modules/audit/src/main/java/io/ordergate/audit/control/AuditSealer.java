package io.ordergate.audit.control;

import io.ordergate.audit.boundary.AuditSeals;
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
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the sealer on every node at a fixed rhythm; the database lets one of them seal at a time.
 * Ingest never waits for it: a record is queued by a trigger and sealed moments later.
 */
@Singleton
@Startup
// Never seals under a wrong master key: the key check runs first and fails the deployment.
@DependsOn({"Database", "MasterKeyCheck"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSealer {

    static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
    static final int BATCH = 500;
    /** Bounds one run, so that a large backlog (after a migration) is worked off in steps. */
    static final int MAX_BATCHES_PER_RUN = 40;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditSeals seals;

    @Inject
    @ConfigProperty(name = "ordergate.audit.seal-interval")
    Duration interval;

    ScheduledFuture<?> sealing;

    @PostConstruct
    void start() {
        sealing = scheduler.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (sealing != null) {
            sealing.cancel(false);
        }
    }

    void run() {
        try {
            for (int i = 0; i < MAX_BATCHES_PER_RUN && seals.sealBatch(BATCH) == BATCH; i++) {
                // keep going while full batches come back
            }
        } catch (RuntimeException e) {
            // The database may be down or another node holds the lock: the next run tries again.
            LOG.log(Level.WARNING, "Sealing the audit trail failed: {0}", String.valueOf(e));
        }
    }
}
