package io.ordergate.webapp.it;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares what the integration tests share before the first Payara Micro starts: a fresh
 * database, and the proxy through which the server reaches it (failsafe points
 * ORDERGATE_DB_URL at the proxy). Only active in the failsafe run ({@code -Dordergate.it=true}).
 */
public class ItEnvironment implements LauncherSessionListener {

    private static TcpProxy proxy;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("ordergate.it") || proxy != null) {
            return;
        }
        try (var admin = connect("postgres"); var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name() + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name());
            proxy = new TcpProxy(Integer.getInteger("it.proxy.port"),
                    new InetSocketAddress(System.getProperty("it.db.host"), Integer.getInteger("it.db.port")));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the integration test database at "
                    + System.getProperty("it.db.host") + ":" + System.getProperty("it.db.port")
                    + " (is PostgreSQL running?)", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
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

    static String name() {
        return System.getProperty("it.db.name");
    }

    /** A direct connection to the test database (not through the proxy), for assertions. */
    public static Connection connect() throws SQLException {
        return connect(name());
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + System.getProperty("it.db.host") + ":"
                + System.getProperty("it.db.port") + "/" + database, System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }
}
