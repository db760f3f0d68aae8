package io.ordergate.webapp.reliability;

import io.ordergate.webapp.it.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two-node topology of {@code ./ordergate cluster}: Debian's nginx on the front port, OrderGate
 * nodes 1 and 2 on the two ports after it, one PostgreSQL database. The tests drive the launcher
 * exactly as an operator would ({@code start}, {@code kill N}, {@code restart N}, {@code stop}),
 * with the WAR and Payara Micro of the running build, a fresh database and fresh secrets.
 */
final class Cluster implements AutoCloseable {

    static final Duration START = Duration.ofMinutes(6);

    private final Path root;
    private final int front;
    private final String database;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final String adminPassword;
    private final String masterKey;

    /**
     * @param front    nginx's port; the nodes listen on front + 1 and front + 2
     * @param database a database on {@code dbHost:dbPort}, dropped and created afresh by {@link #start()}
     * @param extra    further settings for both nodes (ORDERGATE_* variables)
     */
    Cluster(int front, String dbHost, int dbPort, String database, Map<String, String> extra) {
        this.root = Path.of(System.getProperty("it.root")).toAbsolutePath().normalize();
        this.front = front;
        this.database = database;
        this.adminPassword = random(18);
        this.masterKey = Base64.getEncoder().encodeToString(bytes(32));
        environment.put("ORDERGATE_HTTP_PORT", String.valueOf(front));
        environment.put("ORDERGATE_DB_URL", "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database);
        environment.put("ORDERGATE_DB_USER", "postgres");
        environment.put("ORDERGATE_DB_PASSWORD", "");
        environment.put("ORDERGATE_MASTER_KEY", masterKey);
        environment.put("ORDERGATE_ADMIN_PASSWORD", adminPassword);
        environment.put("ORDERGATE_PUBLIC_URL", "http://127.0.0.1:" + front);
        // The build under test, not whatever ./ordergate would build: the launcher must not run Maven
        // from inside this Maven run.
        environment.put("ORDERGATE_WAR", System.getProperty("it.war"));
        environment.put("ORDERGATE_MICRO_JAR", System.getProperty("payara.microJar"));
        environment.put("JAVA_OPTS", "-Xmx512m");
        environment.putAll(extra);
        Secrets.register("admin password", adminPassword);
        Secrets.register("master key", masterKey);
    }

    /**
     * A cluster of the build under test on the reliability tests' database server and front port
     * (failsafe's it.db.host, it.db.port, it.cluster.port), its database named after the tests'
     * one plus {@code suffix}.
     */
    static Cluster ofTheBuild(String suffix, Map<String, String> extra) {
        return onDatabase(
                System.getProperty("it.db.host"),
                Integer.getInteger("it.db.port"),
                System.getProperty("it.db.name") + suffix,
                extra);
    }

    /** A cluster of the build under test on the front port of the reliability tests, against any database server. */
    static Cluster onDatabase(String dbHost, int dbPort, String database, Map<String, String> extra) {
        return new Cluster(Integer.getInteger("it.cluster.port", 25490), dbHost, dbPort, database, extra);
    }

    /** Drops and creates the database, then starts nginx and both nodes; returns once all are ready. */
    Cluster start() {
        // What an aborted earlier run may have left running on these ports (stop is idempotent).
        launcher(Duration.ofMinutes(2), "cluster", "stop");
        recreateDatabase();
        launcher(START, "cluster", "start");
        return this;
    }

    /** SIGKILL for node 1 or 2: no shutdown, whatever it was doing is cut off. */
    void kill(int node) {
        launcher(Duration.ofSeconds(30), "cluster", "kill", String.valueOf(node));
    }

    /** Starts node 1 or 2 again and waits until it is ready. */
    void restart(int node) {
        launcher(START, "cluster", "restart", String.valueOf(node));
    }

    @Override
    public void close() {
        launcher(Duration.ofMinutes(2), "cluster", "stop");
    }

    /** nginx. */
    URI front(String path) {
        return URI.create("http://127.0.0.1:" + front + "/" + path);
    }

    /** Node 1 or 2 directly, bypassing nginx. */
    URI node(int node, String path) {
        return URI.create("http://127.0.0.1:" + (front + node) + "/" + path);
    }

    String adminPassword() {
        return adminPassword;
    }

    /** A new merchant, created through the admin API behind nginx. */
    Gateway.Merchant newMerchant() throws IOException, InterruptedException {
        return Gateway.newMerchant(front("api/admin/scayle/merchants"), adminPassword);
    }

    String database() {
        return database;
    }

    /** The cluster's database, as the test reaches it. */
    String jdbcUrl() {
        return environment.get("ORDERGATE_DB_URL");
    }

    /** The first column of the first row of a query on the cluster's database; a String[] is bound as text[]. */
    long count(String sql, Object... parameters) {
        try {
            return Sql.count(DriverManager.getConnection(jdbcUrl(), "postgres", ""), sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The launcher's state folder: node logs, nginx's configuration and logs. */
    Path stateDir() {
        return root.resolve(".ordergate/cluster-" + front);
    }

    /** Every log file the cluster wrote (nodes and nginx). */
    List<Path> logs() {
        try (var files = Files.list(stateDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launcher(Duration timeout, String... arguments) {
        var command = new ArrayList<String>();
        command.add(root.resolve("ordergate").toString());
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        // The integration tests' own settings (failsafe's environment) must not leak into the cluster.
        builder.environment()
                .keySet()
                .removeIf(key -> key.startsWith("ORDERGATE_") || key.startsWith("CIRCUITBREAKER"));
        builder.environment().putAll(environment);
        try {
            var output = Files.createTempFile("ordergate-launcher", ".log");
            builder.redirectOutput(output.toFile());
            var process = builder.start();
            var finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            var text = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException("./ordergate " + String.join(" ", arguments) + " did not finish within "
                        + timeout.toSeconds() + " s:\n" + text);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./ordergate " + String.join(" ", arguments) + " failed ("
                        + process.exitValue() + "):\n" + text);
            }
            Report.line("./ordergate " + String.join(" ", arguments) + ": ok");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void recreateDatabase() {
        var url = jdbcUrl();
        try {
            Sql.recreateDatabase(
                    DriverManager.getConnection(
                            url.substring(0, url.lastIndexOf('/') + 1) + "postgres", "postgres", ""),
                    database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the server of database " + database, e);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    static byte[] bytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A random URL-safe text of {@code count} random bytes. */
    static String random(int count) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(count));
    }
}
