package io.ordergate.jobs.control;

import io.ordergate.jobs.boundary.JobState;
import io.ordergate.platform.boundary.Database;
import io.ordergate.platform.boundary.Refreshing;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The queue as gauges: {@code ordergate.jobs{state}} (how many jobs are in each state, all types,
 * the whole cluster) and {@code ordergate.jobs.oldest.waiting.age} (seconds since the
 * longest-waiting pending or failing job was created; 0 when none waits). One query on the state
 * index, at most every 5 s per node, however often it is scraped.
 */
@ApplicationScoped
public class JobGauges {

    static final List<String> STATES =
            Arrays.stream(JobState.values()).map(JobState::wire).toList();
    static final String AGE = "oldest-waiting-age";
    static final String QUERY = JobViews.SUMMARY;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    final Refreshing<Map<String, Double>> snapshot = new Refreshing<>(Duration.ofSeconds(5), this::read);

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        var jobs = Metadata.builder()
                .withName("ordergate.jobs")
                .withDescription("Jobs per state (pending: waiting for a first try; failing: waiting after a failed "
                        + "attempt), all nodes")
                .build();
        for (var state : STATES) {
            registry.gauge(jobs, this, gauges -> gauges.value(state), new Tag("state", state));
        }
        registry.gauge(
                Metadata.builder()
                        .withName("ordergate.jobs.oldest.waiting.age")
                        .withUnit(MetricUnits.SECONDS)
                        .withDescription("Age of the longest-waiting pending or failing job; 0 when none waits")
                        .build(),
                this,
                gauges -> gauges.value(AGE));
    }

    /** NaN while the database cannot be asked. */
    public double value(String key) {
        var values = snapshot.get();
        return values == null ? Double.NaN : values.get(key);
    }

    Map<String, Double> read() {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(QUERY)) {
            statement.setQueryTimeout(2);
            try (var rows = statement.executeQuery()) {
                rows.next();
                var values = new HashMap<String, Double>();
                for (var state : STATES) {
                    values.put(state, (double) rows.getLong(state));
                }
                values.put(AGE, rows.getDouble("oldest_waiting_age"));
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
