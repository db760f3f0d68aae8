package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.ScalepointSimulator.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How fast fetching recovers when Scalepoint stumbles, on a node with production timings (the
 * job back-off, poll interval and circuit breaker delays as shipped, not the short ones failsafe
 * gives the other tests), its own database and its own Scalepoint simulator, so that nothing else
 * runs its jobs: a blip of three failed answers is over within 15 s of Scalepoint answering
 * normally, and after a one-minute outage every waiting order is fetched within 60 s and no job
 * is dead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalepointRecoveryIT {

    static final Duration BLIP_TARGET = Duration.ofSeconds(15);
    static final Duration OUTAGE = Duration.ofSeconds(60);
    static final Duration RECOVERY_TARGET = Duration.ofSeconds(60);
    static final String CLIENT_ID = "ordergate-recovery";
    static final String ADMIN = "Basic "
            + Base64.getEncoder()
                    .encodeToString(("admin:" + OrderGateIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    /** What failsafe shortens for the other integration tests; unset here, so the node runs with the defaults. */
    static final List<String> SHORT_TIMINGS = List.of(
            "CIRCUITBREAKER_DELAY",
            "ORDERGATE_JOBS_POLL_INTERVAL",
            "ORDERGATE_JOBS_BACKOFF_BASE",
            "ORDERGATE_JOBS_BACKOFF_CAP",
            "ORDERGATE_JOBS_LEASE",
            "ORDERGATE_SCALEPOINT_READ_TIMEOUT",
            "ORDERGATE_SCALEPOINT_NOT_FOUND_ATTEMPTS");

    @RegisterExtension
    static final Fixture FIXTURE = new Fixture();

    static ScalepointSimulator scalepoint;
    static ExtraNode node;
    static String database;
    static String bearer;

    @BeforeAll
    static void start() throws SQLException {
        scalepoint = FIXTURE.add(ScalepointSimulator.start(0));
        database = ItEnvironment.name() + "_production";
        Sql.recreateDatabase(ItEnvironment.connect("postgres"), database);
        var environment = new HashMap<String, String>(scalepoint.nodeEnvironment());
        SHORT_TIMINGS.forEach(name -> environment.put(name, null));
        environment.put(
                "ORDERGATE_DB_URL",
                "jdbc:postgresql://" + System.getProperty("it.db.host") + ":" + System.getProperty("it.db.port") + "/"
                        + database);
        node = FIXTURE.add(ExtraNode.start(Integer.getInteger("it.cluster.port") + 7, environment));
        connect();
        bearer = webhookBearer();
    }

    @Test
    @Order(1)
    void threeFailedTokenRequestsDelayAFetchBySeconds() {
        // Short-lived tokens, so that the fetch after the warm-up must ask for a new one.
        scalepoint.tokenLifetime(Duration.ofSeconds(2));
        try {
            var warmUp = order();
            announce(warmUp);
            awaitFetched(warmUp, Duration.ofSeconds(60));
            // Its token is renewed at half its lifetime: the next fetch asks the token endpoint.
            Pause.sleep(Duration.ofMillis(1500));
            scalepoint.scriptToken(
                    Reply.serviceUnavailable(1), Reply.serviceUnavailable(1), Reply.serviceUnavailable(1));
            var token = order();

            announce(token);

            assertBlipOverInTime(token, "503");
        } finally {
            scalepoint.tokenLifetime(ScalepointSimulator.DEFAULT_TOKEN_LIFETIME);
        }
    }

    @Test
    @Order(2)
    void threeRateLimitedAnswersDelayFetchesBySeconds() {
        var tokens = blip(() -> Reply.tooManyRequests(1));

        tokens.forEach(token -> assertBlipOverInTime(token, "429"));
    }

    @Test
    @Order(3)
    void threeAnswersThatAreNotJsonDelayFetchesBySeconds() {
        var tokens = blip(Reply::garbage);

        tokens.forEach(token -> assertBlipOverInTime(token, "not JSON"));
    }

    @Test
    @Order(4)
    void afterAMinuteOfOutageEveryWaitingOrderIsFetchedWithinAMinute() {
        var tokens = new ArrayList<String>();
        scalepoint.outage(Reply.serverError());
        var started = System.nanoTime();
        var breakerSeen = false;
        Instant recovered;
        try {
            // Orders keep coming in during the outage: some wait the whole minute, some a moment.
            while (System.nanoTime() - started < OUTAGE.toNanos()) {
                var token = order();
                tokens.add(token);
                announce(token);
                Pause.sleep(Duration.ofSeconds(5));
                breakerSeen |= count("SELECT count(*) FROM job WHERE state = 'pending' "
                                + "AND last_error LIKE 'Waiting for the circuit breaker until %'")
                        > 0;
            }
            assertThat(count(
                            "SELECT count(*) FROM sp_order WHERE status = 'fetched' AND order_token = ANY (?)",
                            (Object) lower(tokens)))
                    .isZero();
        } finally {
            scalepoint.outage(null);
            recovered = Instant.now();
        }

        ScalepointBase.await(
                "every order fetched",
                RECOVERY_TARGET,
                () -> count(
                                        "SELECT count(*) FROM sp_order WHERE status = "
                                                + "'fetched' AND order_token = ANY (?)",
                                        (Object) lower(tokens))
                                == tokens.size()
                        ? true
                        : null);

        var took = Duration.between(recovered, Instant.now());
        System.out.printf(
                "[recovery] %d orders announced during a %d s outage, all fetched %.1f s after the " + "recovery%n",
                tokens.size(), OUTAGE.toSeconds(), took.toMillis() / 1000.0);
        assertThat(took).as("fetched after the recovery").isLessThanOrEqualTo(RECOVERY_TARGET);
        assertThat(count("SELECT count(*) FROM job WHERE state = 'dead'"))
                .as("dead jobs")
                .isZero();
        assertThat(breakerSeen)
                .as("fetches waited for the circuit breaker during the outage")
                .isTrue();
        assertThat(count("SELECT count(*) FROM job_attempt WHERE error LIKE '%circuit breaker%'"))
                .as("attempts refused by the breaker are not counted")
                .isZero();
        var metrics = new String(
                send(HttpRequest.newBuilder(node.uri("metrics")).GET().build()).body(), StandardCharsets.UTF_8);
        assertThat(metrics.lines())
                .as("deferrals counted apart from failures")
                .anyMatch(line -> line.startsWith("ordergate_scalepoint_fetches_total{")
                        && line.contains("outcome=\"deferred\""));
        assertThat(scalepoint.internalErrors()).isEmpty();
    }

    /** Orders whose first three answers are the reply, announced together, as a blip hits several at once. */
    private static List<String> blip(Supplier<Reply> reply) {
        var tokens = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var token = order();
            scalepoint.script(token, reply.get(), reply.get(), reply.get());
            tokens.add(token);
        }
        tokens.forEach(ScalepointRecoveryIT::announce);
        return tokens;
    }

    /**
     * The order's three failed attempts and then its fetch, no later than the target after the last
     * failed answer (from then on Scalepoint answered normally), and no attempt lost to a breaker.
     */
    private static void assertBlipOverInTime(String token, String failure) {
        var order = awaitFetched(token, Duration.ofSeconds(120));
        var attempts = new ArrayList<>(order.getJsonArray("attempts").getValuesAs(JsonObject.class));
        java.util.Collections.reverse(attempts); // the API lists newest first
        assertThat(attempts)
                .extracting(a -> a.getString("outcome"))
                .containsExactly("failed", "failed", "failed", "new-version");
        assertThat(attempts.subList(0, 3)).allMatch(a -> a.getString("error").contains(failure));
        var lastFailure = Instant.parse(attempts.get(2).getString("finishedAt"));
        var fetched = Instant.parse(attempts.get(3).getString("finishedAt"));
        var took = Duration.between(lastFailure, fetched);
        System.out.printf(
                "[recovery] %s blip: order fetched %.1f s after the last failed answer%n",
                failure, took.toMillis() / 1000.0);
        assertThat(took).as("order %s fetched after the blip", token).isLessThanOrEqualTo(BLIP_TARGET);
    }

    private static String order() {
        var token = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        scalepoint.putOrder(token, """
                {"externalId": "%s", "orderNumber": "7001234", "status": "Created", "currency": "DKK",
                 "deliveryAddress": {"name": "Jens Hansen", "street": "Vestergade 1", "postalCode": "8000",
                                     "city": "Aarhus C", "countryCode": "DK"},
                 "lines": [{"lineId": "1", "productId": "5701234567890", "description": "TV",
                            "quantity": 1, "unitPrice": 6999.00, "total": 6999.00}]}
                """.formatted(token));
        return token;
    }

    private static void announce(String orderToken) {
        var body = ScalepointEvents.orderCreated(
                orderToken, UUID.randomUUID().toString(), "2026-11-23T10:43:35.0348577+01:00");
        var response = post("api/scalepoint/events", bearer, "application/json", body);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(202);
    }

    private static JsonObject awaitFetched(String orderToken, Duration timeout) {
        return ScalepointBase.await("order " + orderToken + " fetched", timeout, () -> {
            var response = send(HttpRequest.newBuilder(node.uri("api/admin/scalepoint/orders/" + orderToken))
                    .header("Authorization", ADMIN)
                    .GET()
                    .build());
            if (response.statusCode() == 404) {
                return null;
            }
            var order = Json.object(response.body());
            return order.getString("status").equals("fetched") ? order : null;
        });
    }

    /** OrderGate's side of the connection, set up as an operator does, and its certificate given to the simulator. */
    private static void connect() {
        var connection = send(HttpRequest.newBuilder(node.uri("api/admin/scalepoint/connection"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"clientId": "%s", "scopes": ["orderdata", "events"], "tenant": "ordergate", "country": "dk"}
                        """.formatted(CLIENT_ID)))
                .build());
        assertThat(connection.statusCode()).as(text(connection)).isEqualTo(200);
        var created = post("api/admin/scalepoint/connection/certificates", ADMIN, null, "");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        var certificate = Json.object(created.body());
        scalepoint.registerClient(CLIENT_ID, Base64.getDecoder().decode(certificate.getString("certificate")));
        if (!certificate.getBoolean("active")) {
            var activated = post(
                    "api/admin/scalepoint/connection/certificates/" + certificate.getString("thumbprint") + "/activate",
                    ADMIN,
                    null,
                    "");
            assertThat(activated.statusCode()).as(text(activated)).isEqualTo(200);
        }
    }

    /** A webhook client, as Scalepoint's Event API uses, and a token for it from OrderGate. */
    private static String webhookBearer() {
        var created = post("api/admin/scalepoint/webhook-clients", ADMIN, null, "");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        var client = Json.object(created.body());
        var token = post(
                "oauth/token",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((client.getString("clientId") + ":" + client.getString("clientSecret"))
                                        .getBytes(StandardCharsets.UTF_8)),
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials");
        assertThat(token.statusCode()).as(text(token)).isEqualTo(200);
        return "Bearer " + Json.object(token.body()).getString("access_token");
    }

    private static HttpResponse<byte[]> post(String path, String authorization, String contentType, String body) {
        var request = HttpRequest.newBuilder(node.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        return OrderGateIT.send(request);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String[] lower(List<String> tokens) {
        return tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    private static long count(String sql, Object... parameters) {
        try {
            return Sql.count(
                    DriverManager.getConnection(
                            "jdbc:postgresql://" + System.getProperty("it.db.host") + ":"
                                    + System.getProperty("it.db.port") + "/" + database,
                            System.getProperty("it.db.user"),
                            System.getProperty("it.db.password")),
                    sql,
                    parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
