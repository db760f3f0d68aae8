package io.ordergate.platform.boundary;

import io.ordergate.platform.control.MasterKeyCheckTable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Refuses to start with a master key other than the one this database has been used with. Started
 * with another key, a node would otherwise come up ready while every SCAYLE and webhook credential
 * fails to verify (SCAYLE cancels the orders it cannot deliver after two days), stored secrets
 * cannot be opened and new audit seals no longer verify.
 *
 * <p>The first start stores {@link MasterKeys#checkValue()}; every later start compares with it (in
 * constant time). A mismatch fails the deployment, so the node never becomes ready. Beans that
 * use derived keys at startup (the audit sealer, credentials) declare {@code @DependsOn} on this.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MasterKeyCheck {

    static final Logger LOG = Logger.getLogger(MasterKeyCheck.class.getName());
    static final String WRONG_KEY = "The configured ORDERGATE_MASTER_KEY is not the one this database's secrets "
            + "were sealed with (its check value, stored in platform_master_key at the first start on %s, does not "
            + "match). OrderGate does not start: with this key every SCAYLE and webhook credential would be "
            + "refused, stored secrets could not be opened and new audit seals would not verify. Restore the right "
            + "key (the one this database has been running with) and start again; or, only if that key is lost "
            + "for good, follow docs/configuration.md, \"Losing the master key\" (every credential must then be issued again).";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MasterKeys keys;

    @Inject
    Clock clock;

    @PostConstruct
    void check() {
        var table = new MasterKeyCheckTable(dataSource);
        var expected = keys.checkValue();
        var stored = table.storeIfAbsent(expected, clock.instant());
        if (!MessageDigest.isEqual(expected, stored.checkValue())) {
            var message = String.format(WRONG_KEY, stored.createdAt());
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
        LOG.fine("The master key matches this database's check value");
    }
}
