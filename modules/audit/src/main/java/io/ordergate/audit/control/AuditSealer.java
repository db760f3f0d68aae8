package io.ordergate.audit.control;

import io.ordergate.platform.boundary.BatchRhythm;
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
    AuditSealing seals;

    @Inject
    @ConfigProperty(name = "ordergate.audit.seal-interval")
    Duration interval;

    BatchRhythm sealing;

    @PostConstruct
    void start() {
        // A failed run is only logged: the database may be down or another node holds the lock.
        sealing = BatchRhythm.start(
                scheduler,
                interval,
                BATCH,
                MAX_BATCHES_PER_RUN,
                () -> seals.sealBatch(BATCH),
                LOG,
                "Sealing the audit trail failed");
    }

    @PreDestroy
    void stop() {
        if (sealing != null) {
            sealing.stop();
        }
    }
}
