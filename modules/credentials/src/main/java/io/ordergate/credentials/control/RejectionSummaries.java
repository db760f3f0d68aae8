package io.ordergate.credentials.control;

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
 * Summarises ended rejection windows ({@link RejectionWindows#summarise}) on every node at a fixed
 * rhythm; the delete that takes a window lets only one node summarise it.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RejectionSummaries {

    static final Logger LOG = Logger.getLogger(RejectionSummaries.class.getName());
    static final int MAX_BATCHES_PER_RUN = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RejectionWindows windows;

    @Inject
    @ConfigProperty(name = "ordergate.auth.rejection-summary-interval")
    Duration interval;

    BatchRhythm summarising;

    @PostConstruct
    void start() {
        // A failed run is only logged: the windows stay, and the next run summarises them.
        summarising = BatchRhythm.start(
                scheduler,
                interval,
                RejectionWindows.BATCH,
                MAX_BATCHES_PER_RUN,
                windows::summarise,
                LOG,
                "Summarising rejected requests failed");
    }

    @PreDestroy
    void stop() {
        if (summarising != null) {
            summarising.stop();
        }
    }
}
