package io.ordergate.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The connection pool's use, as {@code ordergate.db.connections{state=in-use|idle}} and
 * {@code ordergate.db.connections.max}.
 *
 * <p>Why from PostgreSQL: Payara Micro publishes pool statistics only for pools listed in its
 * {@code metrics.xml} and only with JDBC pool monitoring switched on (its default {@code H2Pool}
 * shows zeros); an application-scoped {@code @DataSourceDefinition} pool has neither, and its
 * internals are not a public API. So this counts this node's pool connections where they end:
 * {@code pg_stat_activity}, rows of this database with our {@code ApplicationName} that come from
 * the same client address as the connection asking (one node per address, as in the Docker setup;
 * nodes sharing an address are counted together). The asking connection itself is left out. What
 * this cannot show is how many threads wait for a connection; a pool that is exhausted shows as
 * {@code in-use} equal to the maximum, and the waiting requests as 503s in {@code ordergate.requests}.
 * Read at most every 5 s, so scraping never adds load per request.
 */
@ApplicationScoped
public class DatabasePoolGauges {

    static final String CONNECTIONS = "ordergate.db.connections";
    static final String QUERY = """
            SELECT count(*) FILTER (WHERE state <> 'idle'), count(*) FILTER (WHERE state = 'idle')
            FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'ordergate' AND pid <> pg_backend_pid()
              AND client_addr IS NOT DISTINCT FROM inet_client_addr()""";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    final Refreshing<Map<String, Long>> connections = new Refreshing<>(Duration.ofSeconds(5), this::read);

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        var metadata = Metadata.builder()
                .withName(CONNECTIONS)
                .withDescription("Connections of this node's database pool as PostgreSQL sees them")
                .build();
        for (var state : new String[] {"in-use", "idle"}) {
            registry.gauge(metadata, this, gauges -> gauges.connections(state), new Tag("state", state));
        }
        registry.gauge(
                Metadata.builder()
                        .withName(CONNECTIONS + ".max")
                        .withDescription("Largest size of this node's database pool")
                        .build(),
                this,
                gauges -> Database.MAX_POOL_SIZE);
    }

    /** NaN while the database cannot be asked. */
    public double connections(String state) {
        var counts = connections.get();
        return counts == null ? Double.NaN : counts.get(state);
    }

    Map<String, Long> read() {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(QUERY)) {
            statement.setQueryTimeout(2);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return Map.of("in-use", rows.getLong(1), "idle", rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
