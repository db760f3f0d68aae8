package io.ordergate.webapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Another OrderGate node: the same WAR on its own Payara Micro JVM, against the same database, as
 * a second server in production would run. It inherits the test environment (database, master
 * key, Scalepoint simulator), can be given more, and can be stopped cleanly or killed with
 * SIGKILL in the middle of its work.
 */
final class ExtraNode implements AutoCloseable {

    static final Duration STARTUP = Duration.ofSeconds(240);

    private final Process process;
    private final int port;
    private final Path log;

    private ExtraNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node on {@code port} and waits until it is ready; {@code environment} may hold nulls (unset). */
    static ExtraNode start(int port, Map<String, String> environment) {
        var node = launch(port, environment);
        node.awaitReady();
        return node;
    }

    /** Starts a node on {@code port} without waiting for anything: for nodes that must not become ready. */
    static ExtraNode launch(int port, Map<String, String> environment) {
        try {
            var root = Files.createTempDirectory("ordergate-node-" + port);
            var log = root.resolve("node.log");
            var builder = new ProcessBuilder(payaraMicro(port, root.resolve("payara")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // A null value unsets what the node would inherit from the test JVM (e.g. the short IT timings).
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            return new ExtraNode(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command line of a node: the WAR and Payara Micro of the build under test, at / on
     * {@code port}, with a runtime folder of its own. The tests' only one; outside the tests,
     * {@code ./ordergate} builds the same (node_command, used by run and cluster, which the
     * reliability tests drive) and so does the Dockerfile's ENTRYPOINT.
     */
    static List<String> payaraMicro(int port, Path runtime) {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(
                java,
                "-Xmx512m",
                "-jar",
                System.getProperty("payara.microJar"),
                "--deploy",
                System.getProperty("it.war"),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(port),
                "--nocluster",
                "--rootdir",
                runtime.toString());
    }

    private void awaitReady() {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Node on port " + port + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                var response = client.send(
                        HttpRequest.newBuilder(uri("health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.sleep(Duration.ofMillis(500));
        }
        kill();
        throw new IllegalStateException(
                "Node on port " + port + " was not ready within " + STARTUP.toSeconds() + " s:\n" + tail());
    }

    /** A port nobody listens on right now, for a node of a test that must not collide with others. */
    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the node's log contains {@code text}, asking for readiness every half second
     * meanwhile; false if the text did not come within {@code timeout}.
     *
     * @param readyAnswers receives the status of every readiness answer (none while not listening)
     */
    boolean awaitLog(String text, Duration timeout, java.util.function.IntConsumer readyAnswers) {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return true;
            }
            try {
                readyAnswers.accept(client.send(
                                HttpRequest.newBuilder(uri("health/ready"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.sleep(Duration.ofMillis(500));
        }
        return log().contains(text);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    long pid() {
        return process.pid();
    }

    /** What the node logged so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        var text = log();
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    /** SIGKILL: no shutdown hook, no clean-up, whatever the node was doing is cut off. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor()) {
                kill();
            }
        }
    }

    private boolean waitFor() {
        try {
            return process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
