package io.ordergate.webapp.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stand-in for SCAYLE's Admin API (shared/specs/scayle.md §7) over real HTTP on 127.0.0.1, for
 * the integration tests: the fulfilment calls ({@code POST /fulfillment/shipments},
 * {@code /cancellations}, {@code /return-items}) and reading an order
 * ({@code GET /shops/{shopKey}/countries/{countryCode}/orders/{orderId}} and its {@code /status}),
 * under {@code /api/admin/v1}.
 *
 * <p>It checks {@code X-Access-Token} (401 with {@code errors[]} when it is missing or wrong),
 * validates every body against the orders the test registered (400 with
 * {@code {"errors":[{"errorKey","message","context"}]}} for a missing field or an unknown
 * {@code orderItemId} / {@code returnKey}), applies what it accepts to the order, and records every
 * request. A posted call can be scripted to fail: 429 or 503 with {@code Retry-After} (nothing
 * applied), 400 with {@code errors[]}, or a timeout <em>after</em> the call was applied (the
 * ambiguous case: SCAYLE has it, the caller never hears so).
 *
 * <p>The order it shows is OrderGate's assumed shape (the spec does not fix it; docs/fulfilment.md
 * states it): {@code {"id", "shopKey", "countryCode", "items": [{"id", "status", "returnKey"}],
 * "shipments": [{"shipmentKey", "carrier", "deliveryDate", "items": [{"orderItemId",
 * "returnKey"}]}]}}, item status {@code open}, {@code shipped}, {@code cancelled} or
 * {@code returned}.
 */
public final class ScayleAdminSimulator implements AutoCloseable {

    static final String BASE_PATH = "/api/admin/v1";
    static final String JSON = "application/json; charset=utf-8";
    static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    static final Pattern ORDER =
            Pattern.compile(Pattern.quote(BASE_PATH) + "/shops/([^/]+)/countries/([^/]+)/orders/([0-9]+)(/status)?");

    private final HttpServer server;
    private final ExecutorService executor;
    private final int port;

    private volatile String accessToken = "scayle-admin-token";
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> internalErrors = new CopyOnWriteArrayList<>();

    /** A call as received. {@code accepted}: it was valid and its effect applied. */
    public record Call(
            String method, String path, Map<String, String> headers, String body, int status, boolean accepted) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonValue json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }
    }

    /** An order as SCAYLE keeps it: its items by orderItemId, and the shipments reported. */
    static final class Order {
        final String shopKey;
        final String countryCode;
        final long orderId;
        final Map<Long, String> status = new LinkedHashMap<>();
        final Map<Long, String> returnKeys = new LinkedHashMap<>();
        final List<JsonObject> shipments = new ArrayList<>();

        Order(String shopKey, String countryCode, long orderId, long... orderItemIds) {
            this.shopKey = shopKey;
            this.countryCode = countryCode;
            this.orderId = orderId;
            for (var id : orderItemIds) {
                status.put(id, "open");
            }
        }

        synchronized JsonObject json() {
            var items = Json.createArrayBuilder();
            status.forEach((id, state) -> {
                var item = Json.createObjectBuilder().add("id", id).add("status", state);
                if (returnKeys.containsKey(id)) {
                    item.add("returnKey", returnKeys.get(id));
                }
                items.add(item);
            });
            var shipped = Json.createArrayBuilder();
            shipments.forEach(shipped::add);
            return Json.createObjectBuilder()
                    .add("id", orderId)
                    .add("shopKey", shopKey)
                    .add("countryCode", countryCode)
                    .add("items", items)
                    .add("shipments", shipped)
                    .build();
        }
    }

    private ScayleAdminSimulator(int port) throws IOException {
        var counter = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "scayle-admin-simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        var loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, port), 100);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.port = server.getAddress().getPort();
    }

    /** Starts a simulator on 127.0.0.1; port 0 picks a free port. */
    public static ScayleAdminSimulator start(int port) {
        try {
            return new ScayleAdminSimulator(port);
        } catch (IOException e) {
            throw new UncheckedIOException("The SCAYLE Admin API simulator cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The base URL to configure in OrderGate: {@code http://127.0.0.1:<port>/api/admin/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + BASE_PATH;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The token every call must carry in {@code X-Access-Token}. */
    public void accessToken(String token) {
        this.accessToken = token;
    }

    public String accessToken() {
        return accessToken;
    }

    /** SCAYLE knows this order (as delegated) with these items, all open. */
    public void order(String shopKey, String countryCode, long orderId, long... orderItemIds) {
        orders.put(key(shopKey, countryCode, orderId), new Order(shopKey, countryCode, orderId, orderItemIds));
    }

    /** The order as {@code GET .../orders/{orderId}} shows it, or null when unknown. */
    public JsonObject orderJson(String shopKey, String countryCode, long orderId) {
        var order = orders.get(key(shopKey, countryCode, orderId));
        return order == null ? null : order.json();
    }

    /** The next posted calls (fulfilment calls, not reads) are answered like this, in order. */
    public void script(Reply... replies) {
        script.addAll(List.of(replies));
    }

    /** Every request received, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The posts to a fulfilment path ({@code shipments}, {@code cancellations}, {@code return-items}) that were accepted. */
    public List<Call> accepted(String what) {
        return calls.stream()
                .filter(call -> call.accepted() && call.path().equals(BASE_PATH + "/fulfillment/" + what))
                .toList();
    }

    public List<String> internalErrors() {
        return List.copyOf(internalErrors);
    }

    /** Forgets orders, scripts and calls; the token returns to its default. */
    public void reset() {
        accessToken = "scayle-admin-token";
        orders.clear();
        script.clear();
        calls.clear();
        internalErrors.clear();
    }

    /** A scripted answer to a post. */
    public record Reply(int status, Map<String, String> headers, String body, Duration hangAfterApplying) {

        /** 503 with Retry-After; nothing applied. */
        public static Reply serviceUnavailable(int retryAfterSeconds) {
            return new Reply(
                    503,
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    errors("service_unavailable", "Simulated outage."),
                    null);
        }

        /** 429 with Retry-After; nothing applied. */
        public static Reply tooManyRequests(int retryAfterSeconds) {
            return new Reply(
                    429,
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    errors("rate_limited", "Simulated rate limit."),
                    null);
        }

        /** 400 with errors[]; nothing applied. */
        public static Reply badRequest(String errorKey, String message) {
            return new Reply(400, Map.of(), errors(errorKey, message), null);
        }

        /** The call is validated and applied as usual, then the answer waits this long (longer than the caller waits). */
        public static Reply timeoutAfterApplying(Duration hang) {
            return new Reply(0, Map.of(), null, hang);
        }
    }

    // ---------------------------------------------------------------- handling

    private void handle(HttpExchange exchange) {
        try {
            var method = exchange.getRequestMethod();
            var path = exchange.getRequestURI().getPath();
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new LinkedHashMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            if (!accessToken.equals(headers.get("x-access-token"))) {
                record(method, path, headers, body, 401, false);
                send(exchange, 401, Map.of(), errors("unauthorized", "Invalid or missing X-Access-Token."));
                return;
            }
            var order = ORDER.matcher(path);
            if ("GET".equals(method) && order.matches()) {
                var found = orders.get(key(order.group(1), order.group(2), Long.parseLong(order.group(3))));
                if (found == null) {
                    record(method, path, headers, body, 404, false);
                    send(exchange, 404, Map.of(), errors("order_not_found", "No such order."));
                    return;
                }
                record(method, path, headers, body, 200, false);
                var json = found.json();
                send(exchange, 200, Map.of(), order.group(4) == null ? json.toString() : status(json));
                return;
            }
            if (!"POST".equals(method) || !path.startsWith(BASE_PATH + "/fulfillment/")) {
                record(method, path, headers, body, 404, false);
                send(exchange, 404, Map.of(), errors("not_found", "No such endpoint."));
                return;
            }
            var reply = script.poll();
            if (reply != null && reply.hangAfterApplying() == null) {
                record(method, path, headers, body, reply.status(), false);
                send(exchange, reply.status(), reply.headers(), reply.body());
                return;
            }
            String error;
            try {
                error = apply(path.substring((BASE_PATH + "/fulfillment/").length()), body);
            } catch (RuntimeException e) {
                error = "Body is not valid JSON of the expected shape: " + e.getMessage();
            }
            if (error != null) {
                record(method, path, headers, body, 400, false);
                send(exchange, 400, Map.of(), errors("invalid_request", error));
                return;
            }
            record(method, path, headers, body, 201, true);
            if (reply != null) {
                // the ambiguous case: applied, but the caller gives up before the answer
                Thread.sleep(reply.hangAfterApplying().toMillis());
                try {
                    send(exchange, 201, Map.of(), "{}");
                } catch (IOException callerGone) {
                    // as intended: the caller stopped waiting
                }
                return;
            }
            send(exchange, 201, Map.of(), "{}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            internalErrors.add(e.toString());
        } finally {
            exchange.close();
        }
    }

    /** Validates and applies a fulfilment call; returns what is wrong, or null when it was applied. */
    String apply(String what, String body) {
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        }
        return switch (what) {
            case "shipments" -> shipment(value);
            case "cancellations" -> cancellation(value);
            case "return-items" -> returns(value);
            default -> "No such fulfilment call: " + what;
        };
    }

    private String shipment(JsonValue value) {
        if (!(value instanceof JsonObject body)) {
            return "The body must be an object.";
        }
        for (var field :
                List.of("shopKey", "countryCode", "carrier", "deliveryDate", "shipmentKey", "merchantReferenceKey")) {
            if (!(body.get(field) instanceof JsonString)) {
                return "'" + field + "' is required.";
            }
        }
        try {
            Instant.parse(body.getString("deliveryDate"));
        } catch (DateTimeParseException e) {
            return "'deliveryDate' must be ISO-8601.";
        }
        var order = order(body);
        if (order == null) {
            return "Unknown order.";
        }
        if (!(body.get("items") instanceof JsonArray items) || items.isEmpty()) {
            return "'items' must be a non-empty array.";
        }
        synchronized (order) {
            for (var item : items) {
                if (!(item instanceof JsonObject object)
                        || !(object.get("orderItemId") instanceof JsonNumber id)
                        || !order.status.containsKey(id.longValue())) {
                    return "Unknown orderItemId: " + item;
                }
                if (!(object.get("returnKey") instanceof JsonString)) {
                    return "'returnKey' is required for item " + id;
                }
            }
            for (var item : items.getValuesAs(JsonObject.class)) {
                var id = item.getJsonNumber("orderItemId").longValue();
                order.status.put(id, "shipped");
                order.returnKeys.put(id, item.getString("returnKey"));
            }
            order.shipments.add(body);
        }
        return null;
    }

    private String cancellation(JsonValue value) {
        if (!(value instanceof JsonObject body)) {
            return "The body must be an object.";
        }
        for (var field : List.of("shopKey", "countryCode", "merchantReferenceKey")) {
            if (!(body.get(field) instanceof JsonString)) {
                return "'" + field + "' is required.";
            }
        }
        var order = order(body);
        if (order == null) {
            return "Unknown order.";
        }
        if (!(body.get("items") instanceof JsonArray items) || items.isEmpty()) {
            return "'items' must be a non-empty array.";
        }
        synchronized (order) {
            for (var item : items) {
                if (!(item instanceof JsonObject object)
                        || !(object.get("orderItemId") instanceof JsonNumber id)
                        || !order.status.containsKey(id.longValue())) {
                    return "Unknown orderItemId: " + item;
                }
            }
            for (var item : items.getValuesAs(JsonObject.class)) {
                order.status.put(item.getJsonNumber("orderItemId").longValue(), "cancelled");
            }
        }
        return null;
    }

    private String returns(JsonValue value) {
        if (!(value instanceof JsonArray returns) || returns.isEmpty()) {
            return "The body must be a non-empty array.";
        }
        var found = new ArrayList<Map.Entry<Order, Long>>();
        for (var entry : returns) {
            if (!(entry instanceof JsonObject object)
                    || !(object.get("returnKey") instanceof JsonString returnKey)
                    || !(object.get("received") instanceof JsonString received)
                    || !(object.get("merchantReferenceKey") instanceof JsonString)) {
                return "Each return needs 'returnKey', 'received' and 'merchantReferenceKey'.";
            }
            try {
                LocalDateTime.parse(received.getString(), RECEIVED);
            } catch (DateTimeParseException e) {
                return "'received' must be YYYY-MM-DD HH:MM:SS.";
            }
            var match = orders.values().stream()
                    .flatMap(order -> order.returnKeys.entrySet().stream()
                            .filter(key -> key.getValue().equals(returnKey.getString()))
                            .map(key -> Map.entry(order, key.getKey())))
                    .findFirst();
            if (match.isEmpty()) {
                return "Unknown returnKey: " + returnKey.getString();
            }
            found.add(match.get());
        }
        for (var match : found) {
            synchronized (match.getKey()) {
                match.getKey().status.put(match.getValue(), "returned");
            }
        }
        return null;
    }

    private Order order(JsonObject body) {
        if (!(body.get("orderId") instanceof JsonNumber orderId)) {
            return null;
        }
        return orders.get(key(body.getString("shopKey"), body.getString("countryCode"), orderId.longValue()));
    }

    private static String status(JsonObject order) {
        var states = order.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("status"))
                .toList();
        var status = states.stream().allMatch("cancelled"::equals)
                ? "cancelled"
                : states.stream().noneMatch("open"::equals) ? "shipped" : "open";
        return Json.createObjectBuilder().add("status", status).build().toString();
    }

    private void record(
            String method, String path, Map<String, String> headers, String body, int status, boolean accepted) {
        calls.add(new Call(method, path, Map.copyOf(headers), body, status, accepted));
    }

    private static String key(String shopKey, String countryCode, long orderId) {
        return shopKey + "|" + countryCode + "|" + orderId;
    }

    static String errors(String errorKey, String message) {
        JsonArrayBuilder errors = Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("errorKey", errorKey)
                        .add("message", message)
                        .add("context", JsonValue.EMPTY_JSON_OBJECT));
        return Json.createObjectBuilder().add("errors", errors).build().toString();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
