package io.ordergate.webapp.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 server of the test's own (initdb in a temporary folder, its own port), so that a
 * test can really stop and start PostgreSQL without touching the machine's cluster that other
 * work uses. Runs as the {@code postgres} system user when the test runs as root (PostgreSQL
 * refuses to run as root).
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    static PrivatePostgres create(int port) {
        var bin = Path.of(System.getProperty("reliability.pg.bin", "/usr/lib/postgresql/15/bin"));
        try {
            var folder = Files.createTempDirectory("ordergate-pg-" + port);
            var data = folder.resolve("data");
            var postgres = new PrivatePostgres(bin, data, port);
            postgres.run("chown", "-R", "postgres:postgres", folder.toString());
            postgres.asPostgres(
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "--no-sync",
                    "-E",
                    "UTF8");
            Files.writeString(
                    data.resolve("postgresql.auto.conf"),
                    "port = " + port + "\nlisten_addresses = '127.0.0.1'\n" + "unix_socket_directories = '" + folder
                            + "'\nmax_connections = 200\nfsync = on\n",
                    StandardCharsets.UTF_8);
            postgres.run(
                    "chown",
                    "postgres:postgres",
                    data.resolve("postgresql.auto.conf").toString());
            postgres.start();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    void start() {
        asPostgres(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                data.resolveSibling("server.log").toString(),
                "-w",
                "-t",
                "60",
                "start");
    }

    /** A fast shutdown: sessions are disconnected, the port closes; what clients had not committed is lost. */
    void stop() {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() {
        try {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException e) {
            // already stopped
        }
        run("rm", "-rf", data.getParent().toString());
    }

    private void asPostgres(String... command) {
        var full = new ArrayList<String>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
