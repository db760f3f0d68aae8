package io.ordergate.webapp.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two parts of {@code ./ordergate bench} that wrk cannot measure honestly, run by
 * {@code bench/bench.sh} with the test classpath against an OrderGate it started:
 *
 * <ul>
 * <li>{@code burst}: N simultaneous deliveries (half redeliveries of orders created just before, half
 * new orders), each on its own connection opened beforehand, all written at one release; every
 * request's time is taken from the release to its status line, so time spent in Payara's queues
 * counts.</li>
 * <li>{@code scalepoint}: the {@link ScalepointSimulator} at zero latency, the connection set up through
 * the admin API as the integration tests do, N {@code order_created} events posted, then the drain
 * rate and each order's event→snapshot latency from {@code sp_order}.</li>
 * </ul>
 *
 * Prints one JSON object on standard output; progress goes to standard error.
 */
public final class BenchDriver {

    private final String base;
    private final String admin;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .executor(Executors.newFixedThreadPool(8))
            .build();

    private BenchDriver(String base, String adminPassword) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.admin = basic("admin", adminPassword);
    }

    /** Arguments: burst|scalepoint BASE_URL COUNT [SIMULATOR_PORT JDBC_URL]; ORDERGATE_ADMIN_PASSWORD in the environment. */
    public static void main(String[] args) throws Exception {
        var driver = new BenchDriver(args[1], System.getenv("ORDERGATE_ADMIN_PASSWORD"));
        int count = Integer.parseInt(args[2]);
        String json = switch (args[0]) {
            case "burst" -> driver.burst(count);
            case "scalepoint" -> driver.scalepoint(count, Integer.parseInt(args[3]), args[4]);
            default -> throw new IllegalArgumentException("burst or scalepoint, not " + args[0]);
        };
        System.out.println(json);
        System.exit(0);
    }

    String burst(int count) throws Exception {
        var merchant = Json.object(send(
                post(
                        "api/admin/scayle/merchants",
                        admin,
                        "application/json",
                        "{\"merchantKey\":\"burst-"
                                + UUID.randomUUID().toString().substring(0, 8) + "\"}"),
                201));
        var authorization = basic(merchant.getString("username"), merchant.getString("password"));
        var key = merchant.getString("merchantKey");
        int known = count / 2;
        var knownReferences = new ArrayList<String>();
        var gate = new Semaphore(16);
        var created = new ArrayList<CompletableFuture<?>>();
        for (int i = 0; i < known; i++) {
            var reference = Orders.newReference();
            knownReferences.add(reference);
            gate.acquire();
            created.add(
                    http.sendAsync(delegation(authorization, key, reference), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, e) -> gate.release()));
        }
        CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
        System.err.printf("burst: %d known orders created, firing %d requests at once%n", known, count);

        // One connection per request, opened before the release (SCAYLE's retries after an outage,
        // already connected): plain sockets and one thread each, so that the client itself stays light.
        var url = URI.create(base + "api/scayle/order-delegations");
        var release = new CountDownLatch(1);
        var ready = new CountDownLatch(count);
        long[] nanos = new long[count];
        var statuses = new ConcurrentHashMap<String, AtomicInteger>();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < count; i++) {
            int index = i;
            var reference = i < known ? knownReferences.get(i) : Orders.newReference();
            var body = Orders.delegation(key, reference).getBytes(StandardCharsets.UTF_8);
            var head = ("POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                            + "\r\nAuthorization: " + authorization
                            + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\nX-Request-Id: burst-" + i + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            var thread = new Thread(
                    null,
                    () -> {
                        String status;
                        long started = 0;
                        try (var socket = new Socket()) {
                            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 60_000);
                            socket.setSoTimeout(120_000);
                            var out = socket.getOutputStream();
                            var in = new BufferedReader(
                                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                            ready.countDown();
                            release.await();
                            started = System.nanoTime();
                            out.write(head);
                            out.write(body);
                            out.flush();
                            var statusLine = in.readLine();
                            status = statusLine == null ? "closed" : statusLine.split(" ")[1];
                        } catch (Exception e) {
                            ready.countDown();
                            status = e.getClass().getSimpleName();
                        }
                        nanos[index] = started == 0 ? -1 : System.nanoTime() - started;
                        statuses.computeIfAbsent(status, s -> new AtomicInteger())
                                .incrementAndGet();
                    },
                    "burst-" + i,
                    256 * 1024);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long start = System.nanoTime();
        release.countDown();
        for (var thread : threads) {
            thread.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double[] ms = Arrays.stream(nanos)
                .filter(n -> n >= 0)
                .mapToDouble(n -> n / 1e6)
                .sorted()
                .toArray();
        return String.format(
                Locale.ROOT,
                "{\"requests\":%d,\"known\":%d,\"new\":%d,\"wall_s\":%.2f,\"p50_ms\":%.1f,\"p99_ms\":%.1f,"
                        + "\"p999_ms\":%.1f,\"max_ms\":%.1f,\"statuses\":%s}",
                count,
                known,
                count - known,
                wall,
                percentile(ms, 50),
                percentile(ms, 99),
                percentile(ms, 99.9),
                ms.length == 0 ? 0 : ms[ms.length - 1],
                statusesJson(statuses));
    }

    String scalepoint(int count, int simulatorPort, String jdbcUrl) throws Exception {
        try (var simulator = ScalepointSimulator.start(simulatorPort)) {
            send(put("api/admin/scalepoint/connection", """
                    {"clientId": "ordergate-bench", "scopes": ["orderdata", "events"], "tenant": "ordergate", "country": "dk"}
                    """), 200);
            var certificate =
                    Json.object(send(post("api/admin/scalepoint/connection/certificates", admin, null, ""), 201));
            simulator.registerClient(
                    "ordergate-bench", Base64.getDecoder().decode(certificate.getString("certificate")));
            if (!certificate.getBoolean("active")) {
                send(
                        post(
                                "api/admin/scalepoint/connection/certificates/" + certificate.getString("thumbprint")
                                        + "/activate",
                                admin,
                                null,
                                ""),
                        200);
            }
            var client = Json.object(send(post("api/admin/scalepoint/webhook-clients", admin, null, ""), 201));
            var token = Json.object(send(
                    post(
                            "oauth/token",
                            basic(client.getString("clientId"), client.getString("clientSecret")),
                            "application/x-www-form-urlencoded",
                            "grant_type=client_credentials"),
                    200));
            var bearer = "Bearer " + token.getString("access_token");

            var tokens = new ArrayList<String>();
            for (int i = 0; i < count; i++) {
                var orderToken = UUID.randomUUID().toString();
                tokens.add(orderToken);
                simulator.putOrder(orderToken, ScalepointBase.orderData(orderToken, "Created"));
            }
            var gate = new Semaphore(16);
            var posted = new ArrayList<CompletableFuture<?>>();
            var refused = new AtomicInteger();
            var since = java.sql.Timestamp.from(Instant.now());
            long start = System.nanoTime();
            for (var orderToken : tokens) {
                gate.acquire();
                var body = ScalepointEvents.orderCreated(
                        orderToken, UUID.randomUUID().toString(), Instant.now().toString());
                posted.add(http.sendAsync(
                                post("api/scalepoint/events", bearer, "application/json", body),
                                HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> {
                            if (e != null || r.statusCode() >= 300) {
                                refused.incrementAndGet();
                            }
                            gate.release();
                        }));
            }
            CompletableFuture.allOf(posted.toArray(CompletableFuture[]::new)).join();
            double postSeconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(
                    "scalepoint: %d events posted in %.1f s (%d refused), draining%n",
                    count, postSeconds, refused.get());

            var deadline = Instant.now().plus(Duration.ofMinutes(10));
            long fetched = 0;
            try (var db = DriverManager.getConnection(jdbcUrl)) {
                while (Instant.now().isBefore(deadline)) {
                    try (var query = db.prepareStatement(
                            "SELECT count(*) FROM sp_order WHERE status = 'fetched' AND created_at >= ?")) {
                        query.setTimestamp(1, since);
                        var rows = query.executeQuery();
                        rows.next();
                        fetched = rows.getLong(1);
                    }
                    if (fetched >= count) {
                        break;
                    }
                    Thread.sleep(500);
                }
                try (var query = db.prepareStatement("""
                        SELECT extract(epoch FROM max(fetched_at) - min(created_at)),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fetched_at - created_at)),
                               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM fetched_at - created_at)),
                               max(extract(epoch FROM fetched_at - created_at))
                        FROM sp_order WHERE status = 'fetched' AND created_at >= ?""")) {
                    query.setTimestamp(1, since);
                    var rows = query.executeQuery();
                    rows.next();
                    double span = rows.getDouble(1);
                    return String.format(
                            Locale.ROOT,
                            "{\"events\":%d,\"refused\":%d,\"post_s\":%.2f,\"fetched\":%d,\"drain_s\":%.2f,"
                                    + "\"drain_per_s\":%.1f,\"latency_p50_ms\":%.0f,\"latency_p99_ms\":%.0f,"
                                    + "\"latency_max_ms\":%.0f,\"order_requests\":%d}",
                            count,
                            refused.get(),
                            postSeconds,
                            fetched,
                            span,
                            span > 0 ? fetched / span : 0,
                            rows.getDouble(2) * 1000,
                            rows.getDouble(3) * 1000,
                            rows.getDouble(4) * 1000,
                            simulator.orderRequests());
                }
            }
        }
    }

    private HttpRequest delegation(String authorization, String merchantKey, String reference) {
        return post(
                "api/scayle/order-delegations",
                authorization,
                "application/json",
                Orders.delegation(merchantKey, reference));
    }

    private HttpRequest post(String path, String authorization, String contentType, String body) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }

    private HttpRequest put(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    private byte[] send(HttpRequest request, int expected) throws Exception {
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static String statusesJson(Map<String, AtomicInteger> statuses) {
        var parts = new ArrayList<String>();
        new TreeMap<>(statuses).forEach((status, n) -> parts.add("\"" + status + "\":" + n.get()));
        return "{" + String.join(",", parts) + "}";
    }
}
