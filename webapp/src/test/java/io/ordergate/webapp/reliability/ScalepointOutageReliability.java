package io.ordergate.webapp.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.Pause;
import io.ordergate.webapp.it.ScalepointEvents;
import io.ordergate.webapp.it.ScalepointSimulator;
import io.ordergate.webapp.it.ScalepointSimulator.Reply;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scalepoint down for ten minutes (the simulator's port closed; {@code -Dreliability.outage.seconds}
 * for a shorter run), then answering {@code 429} and {@code 503} with {@code Retry-After} for a
 * while, under a steady stream of {@code order_created} events through nginx to two nodes running
 * with production settings: the circuit breaker shows in the metrics, no job is lost or dead, and
 * every order is fetched within a minute of the recovery.
 */
class ScalepointOutageReliability extends ClusterTest {

    static final int OUTAGE_SECONDS = Integer.getInteger("reliability.outage.seconds", 600);
    static final Duration RECOVERY_TARGET = Duration.ofSeconds(60);
    static final String CLIENT_ID = "ordergate-reliability";

    static int port;
    static volatile ScalepointSimulator scalepoint;
    static volatile byte[] certificate;

    static final Map<String, String> ORDERS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        port = Integer.getInteger("reliability.scalepoint.port", 25598);
        scalepoint = ScalepointSimulator.start(port);
        // the simulator is replaced during the outage: the fixture stops whichever one runs at the end
        FIXTURE.add(() -> scalepoint.close());
        cluster = FIXTURE.add(Cluster.ofTheBuild("_scalepoint", scalepoint.nodeEnvironment()))
                .start();
    }

    @Test
    void everyOrderIsFetchedWithinAMinuteOfScalepointsRecovery() throws Exception {
        connect();
        var client = webhookClient();
        // Our access tokens live 10 minutes, less than the outage: renewed on a 401, as Scalepoint does.
        var bearer = new java.util.concurrent.atomic.AtomicReference<>(bearer(client));
        var running = new AtomicBoolean(true);
        var announced = new AtomicInteger();
        var eventRetries = new AtomicInteger();
        var announcer = Executors.newSingleThreadExecutor();
        announcer.submit(() -> {
            while (running.get()) {
                var token = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
                var data = orderData(token);
                ORDERS.put(token.toLowerCase(Locale.ROOT), data);
                scalepoint.putOrder(token, data);
                // Scalepoint's Event API redelivers until it is accepted.
                int status;
                while ((status = event(bearer.get(), token)) != 202) {
                    if (status == 401) {
                        bearer.set(bearer(client));
                    }
                    eventRetries.incrementAndGet();
                    Pause.sleep(Duration.ofMillis(500));
                }
                announced.incrementAndGet();
                Pause.sleep(Duration.ofMillis(250));
            }
            return null;
        });
        var circuitSeen = new AtomicBoolean();
        var watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleAtFixedRate(
                () -> {
                    for (int node = 1; node <= 2; node++) {
                        var open = Gateway.metric(cluster.node(node, "metrics"), "ordergate_scalepoint_circuit_open");
                        if (open.isPresent() && open.getAsDouble() == 1.0 && !circuitSeen.getAndSet(true)) {
                            Report.line("circuit breaker open on node %d (ordergate_scalepoint_circuit_open 1)", node);
                        }
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);

        Pause.sleep(Duration.ofSeconds(20));
        Report.line("Scalepoint up: %d orders announced, %d fetched", announced.get(), fetched());
        scalepoint.close();
        Report.line("Scalepoint down (port closed) for %d s", OUTAGE_SECONDS);
        Pause.sleep(Duration.ofSeconds(OUTAGE_SECONDS));
        var restarted = ScalepointSimulator.start(port);
        restarted.registerClient(CLIENT_ID, certificate);
        ORDERS.forEach(restarted::putOrder);
        restarted.outage(Reply.tooManyRequests(5));
        scalepoint = restarted;
        Report.line(
                "Scalepoint back but answering 429 with Retry-After: 5 (%d orders announced, %d fetched)",
                announced.get(), fetched());
        Pause.sleep(Duration.ofSeconds(15));
        restarted.outage(Reply.serviceUnavailable(5));
        Report.line("Scalepoint answering 503 with Retry-After: 5");
        Pause.sleep(Duration.ofSeconds(15));
        restarted.outage(null);
        var recovered = System.nanoTime();
        Report.line("Scalepoint recovered: %d orders announced, %d fetched", announced.get(), fetched());
        Pause.sleep(Duration.ofSeconds(10));
        running.set(false);
        announcer.shutdown();
        assertThat(announcer.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        var deadline = recovered + RECOVERY_TARGET.toNanos();
        while (fetched() < ORDERS.size() && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofSeconds(1));
        }
        var took = (System.nanoTime() - recovered) / 1e9;
        watcher.shutdownNow();
        var jobs = jobStates();
        Report.line(
                "%d orders announced (%d event redeliveries), %d fetched %.0f s after the recovery; jobs by state %s; "
                        + "%d Order Data requests, simulator errors %s",
                ORDERS.size(),
                eventRetries.get(),
                fetched(),
                took,
                jobs,
                scalepoint.orderRequests(),
                scalepoint.internalErrors());

        assertThat(circuitSeen).as("the circuit breaker visible in the metrics").isTrue();
        assertThat(fetched())
                .as("orders fetched within %d s of the recovery", RECOVERY_TARGET.toSeconds())
                .isEqualTo(ORDERS.size());
        assertThat(cluster.count("SELECT count(*) FROM sp_snapshot WHERE order_token = ANY (?)", (Object) tokens()))
                .isEqualTo(ORDERS.size());
        assertThat(jobs).as("no job dead or lost").doesNotContainKey("dead");
        assertThat(scalepoint.internalErrors()).isEmpty();
        Secrets.assertNowhere(cluster);
    }

    /** OrderGate's side of the connection, set up as an operator does, and the certificate given to Scalepoint. */
    private static void connect() throws Exception {
        var connection = admin("PUT", "api/admin/scalepoint/connection", """
                {"clientId": "%s", "scopes": ["orderdata", "events"], "tenant": "ordergate", "country": "dk"}
                """.formatted(CLIENT_ID));
        assertThat(connection.statusCode()).as(connection.body()).isEqualTo(200);
        var created = admin("POST", "api/admin/scalepoint/connection/certificates", "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var json = Gateway.object(created.body());
        certificate = Base64.getDecoder().decode(json.getString("certificate"));
        scalepoint.registerClient(CLIENT_ID, certificate);
        if (!json.getBoolean("active")) {
            var activated = admin(
                    "POST",
                    "api/admin/scalepoint/connection/certificates/" + json.getString("thumbprint") + "/activate",
                    "");
            assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        }
    }

    /** A webhook client for Scalepoint's Event API. */
    private static jakarta.json.JsonObject webhookClient() throws Exception {
        var client = admin("POST", "api/admin/scalepoint/webhook-clients", "");
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        var json = Gateway.object(client.body());
        Secrets.register("webhook client secret", json.getString("clientSecret"));
        return json;
    }

    /** A token for the webhook client from our token endpoint, through nginx. */
    private static String bearer(jakarta.json.JsonObject json) throws Exception {
        var token = Gateway.HTTP.send(
                HttpRequest.newBuilder(cluster.front("oauth/token"))
                        .header(
                                "Authorization",
                                Gateway.basic(json.getString("clientId"), json.getString("clientSecret")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        var accessToken = Gateway.object(token.body()).getString("access_token");
        Secrets.register("access token", accessToken);
        return "Bearer " + accessToken;
    }

    private static int event(String bearer, String orderToken) {
        var body = ScalepointEvents.orderCreated(
                orderToken, UUID.randomUUID().toString(), "2026-11-23T10:43:35.0348577+01:00");
        return Gateway.status(HttpRequest.newBuilder(cluster.front("api/scalepoint/events"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private static String orderData(String orderToken) {
        return """
                {"externalId": "%s", "orderNumber": "7001234", "status": "Created", "currency": "DKK",
                 "deliveryAddress": {"name": "Jens Hansen", "street": "Vestergade 1", "postalCode": "8000",
                                     "city": "Aarhus C", "countryCode": "DK"},
                 "lines": [{"lineId": "1", "productId": "5701234567890", "description": "TV",
                            "quantity": 1, "unitPrice": 6999.00, "total": 6999.00}]}
                """.formatted(orderToken);
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return Gateway.HTTP.send(
                HttpRequest.newBuilder(cluster.front(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", Gateway.basic("admin", cluster.adminPassword()))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The announced orders' tokens, as stored (lower case). */
    private static String[] tokens() {
        return ORDERS.keySet().toArray(String[]::new);
    }

    private static long fetched() {
        return cluster.count(
                "SELECT count(*) FROM sp_order WHERE status = 'fetched' AND order_token = ANY (?)", (Object) tokens());
    }

    private static Map<String, Long> jobStates() {
        var states = new java.util.TreeMap<String, Long>();
        try (var connection = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
                var statement = connection.prepareStatement(
                        "SELECT state, count(*) FROM job WHERE dedupe_key = ANY (?) " + "GROUP BY state")) {
            statement.setArray(1, connection.createArrayOf("text", tokens()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }
}
