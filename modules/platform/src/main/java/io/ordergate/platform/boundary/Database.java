package io.ordergate.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The one datasource of the application, and the schema migration that runs before anything else
 * touches it. Other startup beans declare {@code @DependsOn("Database")}.
 *
 * <p>Pool and driver timeouts are short on purpose: SCAYLE waits at most 15 s for an answer, and a
 * request that cannot get a working connection within a few seconds must fail fast (503) instead of
 * queueing. Connections are validated on borrow so that a database restart or a cut network path is
 * survived without restarting OrderGate, but each connection at most once a second: validating on
 * every borrow cost a {@code SELECT 1} round trip per transaction (a measurable share of a webhook
 * call, see docs/benchmark.md), and a connection broken within that second fails its statement,
 * which the callers answer with 503 like any database failure; the next validation then drops the
 * whole pool ({@code fail-all-connections}).
 *
 * <p>Migrations run on a connection of their own, without those timeouts: building an index on a
 * large table may take minutes and must not be cut short.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=ordergate.db.url}",
        user = "${MPCONFIG=ordergate.db.user}",
        password = "${MPCONFIG=ordergate.db.password}",
        minPoolSize = 2,
        maxPoolSize = Database.MAX_POOL_SIZE,
        loginTimeout = 2,
        properties = {
            "connectTimeout=2",
            "socketTimeout=4",
            // a slow statement or a lock held by a stalled transaction ends in seconds, not minutes
            "options=-c statement_timeout=3000 -c lock_timeout=3000",
            "tcpKeepAlive=true",
            "reWriteBatchedInserts=true",
            // strings are sent untyped so that JSON text lands in jsonb columns without casts
            "stringtype=unspecified",
            "ApplicationName=ordergate",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=1",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=3000",
            "fish.payara.pool-resize-quantity=2"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/ordergate";
    public static final int MAX_POOL_SIZE = 40;
    static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Inject
    @ConfigProperty(name = "ordergate.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "ordergate.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "ordergate.db.password")
    Optional<String> password;

    /** Applies the migrations in {@code db/migrations}; a failure here fails the deployment loudly. */
    @PostConstruct
    void migrate() {
        var result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(url, user, password.orElse(""))
                .locations("classpath:db/migrations")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** Whether a failed write failed on a unique constraint (SQLSTATE 23505): someone else wrote the same key first. */
    public static boolean uniqueViolation(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
