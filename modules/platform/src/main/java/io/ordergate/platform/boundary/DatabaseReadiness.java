package io.ordergate.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a database round trip succeeds within {@code ordergate.health.database-timeout};
 * liveness deliberately does not depend on it.
 *
 * <p>The round trip runs on another thread so that the answer comes at the timeout even when the
 * database hangs (a connection attempt or a read may otherwise take the pool's 3 s wait plus the
 * driver's timeouts). At most one round trip is under way: while one is still stuck, the next
 * probe answers DOWN at once instead of stacking up threads.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "ordergate.health.database-timeout")
    Duration timeout;

    private CompletableFuture<Void> pending;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        CompletableFuture<Void> probe;
        synchronized (this) {
            if (pending != null && !pending.isDone()) {
                return response.down()
                        .withData("error", "previous check still waiting")
                        .build();
            }
            probe = CompletableFuture.runAsync(this::roundTrip, executor);
            pending = probe;
        }
        try {
            probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return response.up().build();
        } catch (TimeoutException e) {
            return response.down()
                    .withData("error", "no answer within " + timeout)
                    .build();
        } catch (ExecutionException e) {
            var cause = e.getCause() instanceof IllegalStateException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause()
                    : e.getCause();
            return response.down()
                    .withData("error", cause.getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }

    void roundTrip() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(Math.max(1, (int) timeout.toSeconds()));
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
