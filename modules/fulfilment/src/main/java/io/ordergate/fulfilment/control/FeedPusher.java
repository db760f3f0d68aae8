package io.ordergate.fulfilment.control;

import io.ordergate.platform.boundary.OutboundUrls;
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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the feed's push on every node where {@code ordergate.fulfilment.webhook-url} is set: every
 * half second it numbers what has committed ({@link Feed#catchUp}, as readers do) and offers to push
 * ({@link FeedPush#run}; one node pushes at a time). On its own thread: the server's default managed
 * scheduler runs on one thread shared with the audit sealer and the job workers, and a receiver that
 * takes 10 s to answer must not hold them up.
 */
@Singleton
@Startup
@DependsOn({"Database", "MasterKeyCheck"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FeedPusher {

    static final Logger LOG = Logger.getLogger(FeedPusher.class.getName());
    static final long INTERVAL_MS = 500;

    @Inject
    @ConfigProperty(name = "ordergate.fulfilment.webhook-url")
    Optional<String> url;

    @Inject
    OutboundUrls outbound;

    @Inject
    Feed feed;

    @Inject
    FeedPush push;

    @Resource
    ManagedThreadFactory threads;

    ScheduledThreadPoolExecutor pool;

    /** The receiver, when the push is on. */
    public Optional<String> url() {
        return url.filter(value -> !value.isBlank());
    }

    @PostConstruct
    void start() {
        if (url().isEmpty()) {
            return;
        }
        // a URL the outbound rule refuses fails the deployment here, not every half second
        URI target = outbound.check("ordergate.fulfilment.webhook-url", url().get());
        pool = new ScheduledThreadPoolExecutor(1, threads);
        pool.scheduleWithFixedDelay(() -> runOnce(target), INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        LOG.info("Pushing the order feed to " + target);
    }

    void runOnce(URI target) {
        try {
            feed.catchUp();
            while (push.run(target) == FeedPush.BATCH) {
                // the receiver keeps up: go on
            }
        } catch (RuntimeException e) {
            // the database is down, or the like: the next run tries again
            LOG.log(Level.WARNING, "Pushing the order feed failed: {0}", String.valueOf(e));
        }
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
