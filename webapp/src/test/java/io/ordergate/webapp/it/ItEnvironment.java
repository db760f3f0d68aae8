package io.ordergate.webapp.it;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares what the integration tests share before the first Payara Micro starts: a fresh
 * database, the proxy through which the server reaches it (failsafe points
 * ORDERGATE_DB_URL at the proxy), the Scalepoint simulator and the SCAYLE Admin API simulator. Only
 * active in the failsafe run ({@code -Dordergate.it=true}).
 */
public class ItEnvironment implements LauncherSessionListener {

    private static TcpProxy proxy;
    private static ScalepointSimulator scalepoint;
    private static ScayleAdminSimulator scayleAdmin;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("ordergate.it") || proxy != null) {
            return;
        }
        try {
            Sql.recreateDatabase(connect("postgres"), name());
            proxy = new TcpProxy(
                    Integer.getInteger("it.proxy.port"),
                    new InetSocketAddress(System.getProperty("it.db.host"), Integer.getInteger("it.db.port")));
            // failsafe points ORDERGATE_SCALEPOINT_*_URL at this port
            scalepoint = ScalepointSimulator.start(Integer.getInteger("it.scalepoint.port"));
            // the tests point OrderGate's SCAYLE Admin API connection at this one (PUT, allowed by
            // ORDERGATE_OUTBOUND_ALLOW_INSECURE)
            scayleAdmin = ScayleAdminSimulator.start(Integer.getInteger("it.scayle.port", 25470));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot prepare the integration test database at "
                            + System.getProperty("it.db.host") + ":" + System.getProperty("it.db.port")
                            + " (is PostgreSQL running?)",
                    e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (scalepoint != null) {
            scalepoint.close();
        }
        if (scayleAdmin != null) {
            scayleAdmin.close();
        }
        if (proxy != null) {
            try {
                proxy.close();
            } catch (Exception e) {
                // the JVM ends right after
            }
        }
    }

    public static TcpProxy proxy() {
        return proxy;
    }

    /** Plays Scalepoint (Authorization Server, Order Data API, Event API) for every server the tests start. */
    public static ScalepointSimulator scalepoint() {
        return scalepoint;
    }

    /** Plays SCAYLE's Admin API for every server the tests start. */
    public static ScayleAdminSimulator scayleAdmin() {
        return scayleAdmin;
    }

    static String name() {
        return System.getProperty("it.db.name");
    }

    /** A direct connection to the test database (not through the proxy), for assertions. */
    public static Connection connect() throws SQLException {
        return connect(name());
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + System.getProperty("it.db.host") + ":" + System.getProperty("it.db.port") + "/"
                        + database,
                System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }
}
