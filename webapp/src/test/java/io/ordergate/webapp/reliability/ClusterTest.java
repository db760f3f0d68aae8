package io.ordergate.webapp.reliability;

import io.ordergate.webapp.it.Fixture;
import java.io.IOException;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the tests against {@code ./ordergate cluster} share: {@link #FIXTURE}, which stops what a
 * test class started (a PostgreSQL or Scalepoint of its own, the cluster) in reverse order after
 * its tests, and the class's cluster with a merchant on it. Each class starts its own in a
 * {@code @BeforeAll}; the classes run one after the other.
 */
abstract class ClusterTest {

    @RegisterExtension
    static final Fixture FIXTURE = new Fixture();

    static Cluster cluster;
    static Gateway.Merchant merchant;

    /** Starts {@code fresh} (stopped after the class's tests) and creates a merchant on it. */
    static void startWithMerchant(Cluster fresh) throws IOException, InterruptedException {
        cluster = FIXTURE.add(fresh).start();
        merchant = cluster.newMerchant();
    }
}
