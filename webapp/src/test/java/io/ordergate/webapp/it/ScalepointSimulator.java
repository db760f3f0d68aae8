package io.ordergate.webapp.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ordergate.scalepoint.control.ClientCertificates;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Scalepoint (Authorization Server, Order Data API, Event API) over real HTTP, as
 * described in shared/specs/scalepoint.md, for the integration tests: OrderGate runs in its own
 * JVM and talks to this server on 127.0.0.1.
 *
 * <p>The token endpoint verifies {@code private_key_jwt} client assertions for real (signature,
 * certificate thumbprints, audience, lifetimes, single-use {@code jti}) and also accepts plain
 * client secrets. Every endpoint can be scripted to fail (503 with {@code Retry-After}, 429, 500,
 * garbage, slow answers, redirects, huge bodies) and counts what it receives. All state is
 * thread-safe; requests run on a pool of daemon threads so that slow answers and long polls do
 * not block one another.
 */
public final class ScalepointSimulator implements AutoCloseable {

    static final String TOKEN_PATH = "/connect/token";
    static final String ORDERS_PATH = "/api/Orders";
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    static final Duration DEFAULT_LONG_POLL_HOLD = Duration.ofSeconds(2);
    /** The longest client assertion lifetime Scalepoint accepts. */
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofSeconds(60);
    /** Clock skew tolerated between OrderGate and Scalepoint. */
    static final Duration SKEW = Duration.ofSeconds(5);

    static final Duration LONG_POLL_TICK = Duration.ofMillis(50);

    private static final Pattern EVENTS = Pattern.compile("/api/events/v1/([^/]+)/external/([^/]+)/(send|receive)");
    private static final String JSON = "application/json; charset=utf-8";
    private static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final int port;

    // Authorization Server
    private final Map<String, List<X509Certificate>> certificates = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
    private final Queue<Reply> tokenScript = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> tokenRejections = new CopyOnWriteArrayList<>();
    private final Set<String> scopesRequested = ConcurrentHashMap.newKeySet();
    private volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

    // Order Data API
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final Map<String, Queue<Reply>> orderScripts = new ConcurrentHashMap<>();
    private final AtomicInteger orderRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> orderRequestsPerOrder = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlightPerOrder = new ConcurrentHashMap<>();
    private final AtomicInteger maxConcurrentPerOrder = new AtomicInteger();
    private final AtomicInteger unauthorisedRequests = new AtomicInteger();
    private volatile Reply outage;
    private volatile Duration latency = Duration.ZERO;

    // Event API
    private final Queue<Reply> sendScript = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Reply>> sendScriptsByContent = new ConcurrentHashMap<>();
    private final List<SentEvent> sentEvents = new CopyOnWriteArrayList<>();
    private final AtomicInteger sendRequests = new AtomicInteger();
    private final List<LoggedEvent> eventLog = new CopyOnWriteArrayList<>();
    private final List<String> receiveRequests = new CopyOnWriteArrayList<>();
    private volatile Duration longPollHold = DEFAULT_LONG_POLL_HOLD;
    private volatile String nextLinkHost;

    private final List<String> internalErrors = new CopyOnWriteArrayList<>();

    private ScalepointSimulator(int port) throws IOException {
        var counter = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "scalepoint-simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        var loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, port), 200);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.port = server.getAddress().getPort();
    }

    /** Starts a simulator on 127.0.0.1; port 0 picks a free port. */
    public static ScalepointSimulator start(int port) {
        try {
            return new ScalepointSimulator(port);
        } catch (IOException e) {
            throw new UncheckedIOException("The Scalepoint simulator cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The token endpoint, and the only {@code aud} a client assertion may carry. */
    public String tokenUrl() {
        return baseUrl() + TOKEN_PATH;
    }

    /** The settings that point an OrderGate node at this simulator (plain HTTP on 127.0.0.1). */
    public Map<String, String> nodeEnvironment() {
        return Map.of(
                "ORDERGATE_OUTBOUND_ALLOW_INSECURE",
                "true",
                "ORDERGATE_SCALEPOINT_TOKEN_URL",
                tokenUrl(),
                "ORDERGATE_SCALEPOINT_ORDER_DATA_URL",
                baseUrl(),
                "ORDERGATE_SCALEPOINT_EVENT_API_URL",
                baseUrl());
    }

    /** Stops the server at once; held long polls and slow answers are cut. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Forgets everything: clients, tokens, orders, scripts, counters, events, errors; settings return to defaults. */
    public void reset() {
        certificates.clear();
        secrets.clear();
        tokens.clear();
        usedJtis.clear();
        tokenScript.clear();
        tokenRequests.set(0);
        tokensIssued.set(0);
        tokenRejections.clear();
        scopesRequested.clear();
        tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        orders.clear();
        orderScripts.clear();
        orderRequests.set(0);
        orderRequestsPerOrder.clear();
        inFlightPerOrder.clear();
        maxConcurrentPerOrder.set(0);
        unauthorisedRequests.set(0);
        outage = null;
        latency = Duration.ZERO;
        sendScript.clear();
        sendScriptsByContent.clear();
        sentEvents.clear();
        sendRequests.set(0);
        eventLog.clear();
        receiveRequests.clear();
        longPollHold = DEFAULT_LONG_POLL_HOLD;
        nextLinkHost = null;
        internalErrors.clear();
    }

    // ---------------------------------------------------------------- Authorization Server settings

    /** Registers a {@code private_key_jwt} client certificate; call again to add more (rotation). */
    public void registerClient(String clientId, byte[] certificateDer) {
        Objects.requireNonNull(clientId, "clientId");
        var certificate = ClientCertificates.certificate(certificateDer);
        certificates
                .computeIfAbsent(clientId, id -> new CopyOnWriteArrayList<>())
                .add(certificate);
    }

    /** Registers (or replaces) a client that authenticates with {@code client_secret_post} or {@code client_secret_basic}. */
    public void registerSecretClient(String clientId, String clientSecret) {
        secrets.put(Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"));
    }

    /** The lifetime ({@code expires_in}) of tokens issued from now on; default one hour. */
    public void tokenLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative()) {
            throw new IllegalArgumentException("A token lifetime must be zero or positive, not " + lifetime);
        }
        tokenLifetime = lifetime;
    }

    /** Queues replies, each consumed by one token request before normal handling. */
    public void scriptToken(Reply... replies) {
        tokenScript.addAll(List.of(replies));
    }

    /** Every POST to the token endpoint, accepted or not. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** One reason ({@code "<error>: <description>"}) per rejected token request, in order. */
    public List<String> tokenRejections() {
        return List.copyOf(tokenRejections);
    }

    /** Every distinct {@code scope} form value of any token request received. */
    public Set<String> scopesRequested() {
        return Set.copyOf(scopesRequested);
    }

    // ---------------------------------------------------------------- Order Data API settings

    /** Stores the body answered for {@code GET /api/Orders?ExternalId=externalId} (matched case-insensitively). */
    public void putOrder(String externalId, String jsonBody) {
        orders.put(key(externalId), Objects.requireNonNull(jsonBody, "jsonBody"));
    }

    /** Queues replies for one order, consumed in order before the stored order (or 404) is answered. */
    public void script(String externalId, Reply... replies) {
        orderScripts
                .computeIfAbsent(key(externalId), id -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(replies));
    }

    /** While non-null, every Order Data request gets this reply (after the bearer check); null ends the outage. */
    public void outage(Reply reply) {
        outage = reply;
    }

    /** Added before answering every Order Data request (after the bearer check and outage). */
    public void latency(Duration delay) {
        latency = delay == null ? Duration.ZERO : delay;
    }

    /** All Order Data requests, authorised or not. */
    public int orderRequests() {
        return orderRequests.get();
    }

    /** Order Data requests for one ExternalId (case-insensitive), authorised or not. */
    public int orderRequests(String externalId) {
        var count = orderRequestsPerOrder.get(key(externalId));
        return count == null ? 0 : count.get();
    }

    /** The most simultaneous in-flight requests seen for any single ExternalId. */
    public int maxConcurrentPerOrder() {
        return maxConcurrentPerOrder.get();
    }

    /** Requests to {@code /api/*} answered 401 for a missing, unknown or expired bearer token. */
    public int unauthorisedRequests() {
        return unauthorisedRequests.get();
    }

    // ---------------------------------------------------------------- Event API settings

    /** Queues replies for {@code /send}, consumed in order before the normal 202. */
    public void scriptSend(Reply... replies) {
        sendScript.addAll(List.of(replies));
    }

    /**
     * Queues replies for the {@code /send} requests whose body contains {@code text} (an order
     * token, a SKU), consumed in order before the general script and the normal 202: so that events
     * other tests cause meanwhile do not take them.
     */
    public void scriptSendContaining(String text, Reply... replies) {
        sendScriptsByContent
                .computeIfAbsent(text, t -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(replies));
    }

    /** The accepted sends, in arrival order. */
    public List<SentEvent> sentEvents() {
        return List.copyOf(sentEvents);
    }

    /** All {@code /send} requests, accepted or not. */
    public int sendRequests() {
        return sendRequests.get();
    }

    /** An accepted {@code /send}: header names are lower case, several values of one header joined with ", ". */
    public record SentEvent(String country, String tenant, Map<String, String> headers, String body) {

        /** The value of a header, by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Appends an event to the log served by {@code /receive}; waiting long polls answer at once.
     *
     * @param attributesJson any JSON value, normally the event envelope
     */
    public void publishForLongPoll(String id, String type, String attributesJson) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        eventLog.add(new LoggedEvent(id, type, Instant.now(), parse(attributesJson)));
    }

    /** How long a receive with nothing new is held open before answering an empty page; default 2 s. */
    public void longPollHold(Duration hold) {
        longPollHold = hold == null ? Duration.ZERO : hold;
    }

    /** When non-null, {@code links.next} names this host (and port) instead of the simulator's own. */
    public void nextLinkHost(String host) {
        nextLinkHost = host;
    }

    /** The {@code lastEventId} of every receive request in order, {@code ""} when absent. */
    public List<String> receiveRequests() {
        return List.copyOf(receiveRequests);
    }

    /** Exceptions thrown by the simulator's own handlers (answered 500); should stay empty. */
    public List<String> internalErrors() {
        return List.copyOf(internalErrors);
    }

    // ---------------------------------------------------------------- scripted replies

    /** A canned answer, or (for {@link #slow(Duration)}) a delay before normal handling. */
    public static final class Reply {

        private final int status;
        private final String contentType;
        private final byte[] body;
        private final Map<String, String> headers;
        private final Duration delay;

        private Reply(int status, String contentType, byte[] body, Map<String, String> headers, Duration delay) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.headers = headers;
            this.delay = delay;
        }

        /** Any answer; contentType, body and headers may be null. */
        public static Reply status(int status, String contentType, String body, Map<String, String> headers) {
            return new Reply(
                    status,
                    contentType,
                    body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                    headers == null ? Map.of() : Map.copyOf(headers),
                    null);
        }

        /** 503 with {@code Retry-After} and problem JSON, as outside Scalepoint's service hours. */
        public static Reply serviceUnavailable(int retryAfterSeconds) {
            return status(
                    503,
                    PROBLEM_JSON,
                    problem(503, "Service Unavailable", "Outside service hours (simulated)."),
                    Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }

        /** 429 with {@code Retry-After} and problem JSON. */
        public static Reply tooManyRequests(int retryAfterSeconds) {
            return status(
                    429,
                    PROBLEM_JSON,
                    problem(429, "Too Many Requests", "Rate limited (simulated)."),
                    Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }

        /** 500 with a JSON error. */
        public static Reply serverError() {
            return status(500, JSON, "{\"error\":\"internal_error\",\"message\":\"Simulated server error.\"}", null);
        }

        /** 200 that claims to be JSON but is not. */
        public static Reply garbage() {
            return status(200, JSON, "<html>oops</html>", null);
        }

        /** 404 with problem JSON. */
        public static Reply notFound() {
            return status(404, PROBLEM_JSON, problem(404, "Not Found", "Not found (simulated)."), null);
        }

        /** Waits, then handling continues normally (stored order, normal send, token check). */
        public static Reply slow(Duration delay) {
            return new Reply(0, null, new byte[0], Map.of(), Objects.requireNonNull(delay, "delay"));
        }

        /** 302 to location. */
        public static Reply redirect(String location) {
            return status(302, null, null, Map.of("Location", location));
        }

        /** 200 with a valid JSON object of about this many bytes (one big string). */
        public static Reply huge(int bytes) {
            var prefix = "{\"filler\":\"";
            var suffix = "\"}";
            var filler = "x".repeat(Math.max(0, bytes - prefix.length() - suffix.length()));
            return status(200, JSON, prefix + filler + suffix, null);
        }

        @Override
        public String toString() {
            return delay != null ? "Reply[slow " + delay + "]" : "Reply[" + status + ", " + body.length + " bytes]";
        }
    }

    // ---------------------------------------------------------------- dispatching

    private record IssuedToken(String clientId, String scope, Instant expiresAt) {}

    private record LoggedEvent(String id, String type, Instant timestamp, JsonValue attributes) {}

    /** A token request that is refused, with the OAuth2 error. */
    private static final class Rejection extends Exception {

        private static final long serialVersionUID = 1L;

        final int status;
        final String error;

        Rejection(int status, String error, String description) {
            super(description);
            this.status = status;
            this.error = error;
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (InterruptedException e) {
            // the simulator is closing
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away; there is nobody to answer
        } catch (RuntimeException e) {
            internalErrors.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
            if (exchange.getResponseCode() == -1) {
                try {
                    send(exchange, 500, JSON, bytes("{\"error\":\"simulator_failure\"}"), Map.of());
                } catch (IOException ignored) {
                    // the client went away
                }
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        var path = exchange.getRequestURI().getPath();
        if (TOKEN_PATH.equals(path)) {
            token(exchange);
            return;
        }
        if (ORDERS_PATH.equalsIgnoreCase(path)) {
            order(exchange);
            return;
        }
        Matcher events = EVENTS.matcher(path);
        if (events.matches()) {
            if ("send".equals(events.group(3))) {
                sendEvent(exchange, events.group(1), events.group(2));
            } else {
                receiveEvents(exchange, events.group(1), events.group(2));
            }
            return;
        }
        send(exchange, 404, PROBLEM_JSON, bytes(problem(404, "Not Found", "No such endpoint: " + path)), Map.of());
    }

    // ---------------------------------------------------------------- POST /connect/token

    private void token(HttpExchange exchange) throws IOException, InterruptedException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, null, new byte[0], Map.of("Allow", "POST"));
            return;
        }
        tokenRequests.incrementAndGet();
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> form = parameters(body);
        var scopes = form.get("scope");
        if (scopes != null) {
            scopesRequested.addAll(scopes);
        }
        if (answeredByScript(exchange, tokenScript.poll())) {
            return;
        }
        try {
            var contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null
                    || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw new Rejection(
                        400,
                        "invalid_request",
                        "Content-Type must be application/x-www-form-urlencoded, not " + contentType);
            }
            var params = single(form);
            var clientId = authenticate(exchange, params);
            var grantType = params.get("grant_type");
            if (grantType == null) {
                throw new Rejection(400, "invalid_request", "grant_type is missing");
            }
            if (!"client_credentials".equals(grantType)) {
                throw new Rejection(400, "unsupported_grant_type", "grant_type " + grantType + " is not supported");
            }
            issue(exchange, clientId, params.get("scope"));
        } catch (Rejection rejection) {
            tokenRejections.add(rejection.error + ": " + rejection.getMessage());
            var json = jsonObject().add("error", rejection.error).add("error_description", rejection.getMessage());
            Map<String, String> headers = rejection.status == 401 && hasBasic(exchange)
                    ? Map.of("WWW-Authenticate", "Basic realm=\"scalepoint\"")
                    : Map.of();
            send(exchange, rejection.status, JSON, bytes(json.build().toString()), headers);
        }
    }

    private void issue(HttpExchange exchange, String clientId, String scope) throws IOException {
        var random = new byte[32];
        RANDOM.nextBytes(random);
        var accessToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        var lifetime = tokenLifetime;
        tokens.put(accessToken, new IssuedToken(clientId, scope, Instant.now().plus(lifetime)));
        tokensIssued.incrementAndGet();
        var json = jsonObject()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", lifetime.toSeconds());
        if (scope != null) {
            json.add("scope", scope);
        }
        send(exchange, 200, JSON, bytes(json.build().toString()), Map.of("Cache-Control", "no-store"));
    }

    /** The authenticated client id, by exactly one of private_key_jwt, client_secret_basic, client_secret_post. */
    private String authenticate(HttpExchange exchange, Map<String, String> params) throws Rejection {
        var assertionType = params.get("client_assertion_type");
        var assertion = params.get("client_assertion");
        var formId = params.get("client_id");
        var formSecret = params.get("client_secret");
        var basic = hasBasic(exchange);
        var methods =
                (basic ? 1 : 0) + (assertionType != null || assertion != null ? 1 : 0) + (formSecret != null ? 1 : 0);
        if (methods > 1) {
            throw new Rejection(400, "invalid_request", "more than one client authentication method was used");
        }
        if (assertionType != null || assertion != null) {
            if (!JWT_BEARER.equals(assertionType)) {
                throw new Rejection(
                        400,
                        "invalid_request",
                        "client_assertion_type must be " + JWT_BEARER + ", not " + assertionType);
            }
            if (assertion == null || assertion.isEmpty()) {
                throw new Rejection(400, "invalid_request", "client_assertion is missing");
            }
            if (formId != null) {
                throw new Rejection(
                        400, "invalid_request", "a client_id form field must not accompany a client_assertion");
            }
            return verifyAssertion(assertion);
        }
        if (basic) {
            return verifyBasic(exchange.getRequestHeaders().getFirst("Authorization"), formId);
        }
        if (formId == null || formSecret == null) {
            throw new Rejection(
                    401,
                    "invalid_client",
                    "no client authentication (neither client_assertion, " + "client_secret nor HTTP Basic)");
        }
        return verifySecret(formId, formSecret);
    }

    private static boolean hasBasic(HttpExchange exchange) {
        var authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** RFC 6749 2.3.1: id and secret are form-urlencoded before Base64 (IdentityServer decodes them too). */
    private String verifyBasic(String authorization, String formId) throws Rejection {
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Rejection(401, "invalid_client", "the Basic credentials are not Base64");
        }
        var colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new Rejection(401, "invalid_client", "the Basic credentials have no ':'");
        }
        var clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        var secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        if (formId != null && !formId.equals(clientId)) {
            throw new Rejection(
                    400, "invalid_request", "client_id " + formId + " differs from the Basic client id " + clientId);
        }
        return verifySecret(clientId, secret);
    }

    private String verifySecret(String clientId, String secret) throws Rejection {
        var expected = secrets.get(clientId);
        if (expected == null) {
            throw new Rejection(401, "invalid_client", "unknown secret client " + clientId);
        }
        if (!MessageDigest.isEqual(bytes(expected), bytes(secret))) {
            throw new Rejection(401, "invalid_client", "wrong client secret for " + clientId);
        }
        return clientId;
    }

    /**
     * Verifies a private_key_jwt client assertion as shared/specs/scalepoint.md section 4 describes it. Nimbus
     * deprecates x5t (a SHA-1 thumbprint), but Scalepoint identifies the certificate by it.
     */
    @SuppressWarnings("deprecation")
    private String verifyAssertion(String assertion) throws Rejection {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Rejection(400, "invalid_client", "client_assertion is not a signed JWT: " + e.getMessage());
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new Rejection(400, "invalid_client", "alg must be RS256, not " + header.getAlgorithm());
        }
        if (!JOSEObjectType.JWT.equals(header.getType())) {
            throw new Rejection(400, "invalid_client", "typ must be JWT, not " + header.getType());
        }
        var kid = header.getKeyID();
        if (kid == null) {
            throw new Rejection(400, "invalid_client", "kid is missing");
        }
        if (header.getX509CertThumbprint() == null) {
            throw new Rejection(400, "invalid_client", "x5t is missing");
        }
        var issuer = claims.getIssuer();
        if (issuer == null || !issuer.equals(claims.getSubject())) {
            throw new Rejection(
                    400,
                    "invalid_client",
                    "iss (" + issuer + ") and sub (" + claims.getSubject() + ") must both be the client id");
        }
        var registered = certificates.get(issuer);
        if (registered == null || registered.isEmpty()) {
            throw new Rejection(401, "invalid_client", "unknown client " + issuer);
        }
        var certificate = registered.stream()
                .filter(candidate -> ClientCertificates.thumbprint(candidate).equals(kid))
                .findFirst()
                .orElseThrow(() -> new Rejection(
                        401,
                        "invalid_client",
                        "kid " + kid + " is not the thumbprint of a certificate registered for " + issuer));
        var x5t = header.getX509CertThumbprint().toString();
        if (!ClientCertificates.x5t(certificate).equals(x5t)) {
            throw new Rejection(400, "invalid_client", "x5t " + x5t + " does not match the certificate of kid " + kid);
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey publicKey)) {
            throw new Rejection(401, "invalid_client", "the certificate of kid " + kid + " has no RSA key");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(publicKey))) {
                throw new Rejection(
                        401, "invalid_client", "the signature does not verify with the certificate of kid " + kid);
            }
        } catch (JOSEException e) {
            throw new Rejection(401, "invalid_client", "the signature cannot be verified: " + e.getMessage());
        }
        var audience = claims.getAudience();
        if (audience == null || audience.size() != 1 || !tokenUrl().equals(audience.get(0))) {
            throw new Rejection(400, "invalid_client", "aud " + audience + " must be exactly " + tokenUrl());
        }
        checkTimes(claims, Instant.now());
        var jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new Rejection(400, "invalid_client", "jti is missing");
        }
        if (!usedJtis.add(jti)) {
            throw new Rejection(400, "invalid_grant", "jti reused: " + jti);
        }
        return issuer;
    }

    private static void checkTimes(JWTClaimsSet claims, Instant now) throws Rejection {
        var exp = instant(claims.getExpirationTime());
        var iat = instant(claims.getIssueTime());
        var nbf = instant(claims.getNotBeforeTime());
        if (exp == null || iat == null || nbf == null) {
            throw new Rejection(
                    400,
                    "invalid_client",
                    "exp, iat and nbf are all required (exp " + exp + ", iat " + iat + ", nbf " + nbf + ")");
        }
        if (!exp.isAfter(now)) {
            throw new Rejection(400, "invalid_client", "expired: exp " + exp + " is not after now " + now);
        }
        if (Duration.between(now, exp).compareTo(MAX_ASSERTION_LIFETIME.plus(SKEW)) > 0) {
            throw new Rejection(400, "invalid_client", "exp " + exp + " is more than 60 s after now " + now);
        }
        if (Duration.between(iat, exp).compareTo(MAX_ASSERTION_LIFETIME) > 0) {
            throw new Rejection(
                    400, "invalid_client", "exp - iat is more than 60 s (iat " + iat + ", exp " + exp + ")");
        }
        var latest = now.plus(SKEW);
        if (iat.isAfter(latest) || nbf.isAfter(latest)) {
            throw new Rejection(
                    400, "invalid_client", "iat " + iat + " or nbf " + nbf + " is in the future (now " + now + ")");
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    // ---------------------------------------------------------------- GET /api/Orders?ExternalId=

    private void order(HttpExchange exchange) throws IOException, InterruptedException {
        orderRequests.incrementAndGet();
        var externalId = first(parameters(exchange.getRequestURI().getRawQuery()), "ExternalId");
        AtomicInteger inFlight = null;
        try {
            if (externalId != null && !externalId.isEmpty()) {
                var key = key(externalId);
                orderRequestsPerOrder
                        .computeIfAbsent(key, k -> new AtomicInteger())
                        .incrementAndGet();
                inFlight = inFlightPerOrder.computeIfAbsent(key, k -> new AtomicInteger());
                maxConcurrentPerOrder.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            }
            if (!authorised(exchange)) {
                return;
            }
            if (answeredByScript(exchange, outage)) {
                return;
            }
            pause(latency);
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, null, new byte[0], Map.of("Allow", "GET"));
                return;
            }
            if (externalId == null || externalId.isEmpty()) {
                send(
                        exchange,
                        400,
                        PROBLEM_JSON,
                        bytes(problem(400, "Bad Request", "ExternalId is required.")),
                        Map.of());
                return;
            }
            var script = orderScripts.get(key(externalId));
            if (answeredByScript(exchange, script == null ? null : script.poll())) {
                return;
            }
            var stored = orders.get(key(externalId));
            if (stored == null) {
                send(
                        exchange,
                        404,
                        PROBLEM_JSON,
                        bytes(problem(404, "Not Found", "No order with ExternalId " + externalId + ".")),
                        Map.of());
            } else {
                send(exchange, 200, JSON, bytes(stored), Map.of());
            }
        } finally {
            if (inFlight != null) {
                inFlight.decrementAndGet();
            }
        }
    }

    // ---------------------------------------------------------------- POST .../send

    private void sendEvent(HttpExchange exchange, String country, String tenant)
            throws IOException, InterruptedException {
        sendRequests.incrementAndGet();
        if (!authorised(exchange)) {
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, null, new byte[0], Map.of("Allow", "POST"));
            return;
        }
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var targeted = sendScriptsByContent.entrySet().stream()
                .filter(script -> body.contains(script.getKey()))
                .map(script -> script.getValue().poll())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (answeredByScript(exchange, targeted != null ? targeted : sendScript.poll())) {
            return;
        }
        if (!(tryParse(body) instanceof JsonObject object) || !(object.get("eventType") instanceof JsonString)) {
            send(
                    exchange,
                    400,
                    PROBLEM_JSON,
                    bytes(problem(400, "Bad Request", "The body must be a JSON object with a string eventType.")),
                    Map.of());
            return;
        }
        var headers = new TreeMap<String, String>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.merge(
                        name.toLowerCase(Locale.ROOT), String.join(", ", values), (a, b) -> a + ", " + b));
        sentEvents.add(new SentEvent(country, tenant, Map.copyOf(headers), body));
        send(exchange, 202, null, new byte[0], Map.of());
    }

    // ---------------------------------------------------------------- GET .../receive?lastEventId=

    private void receiveEvents(HttpExchange exchange, String country, String tenant)
            throws IOException, InterruptedException {
        var lastEventId = first(parameters(exchange.getRequestURI().getRawQuery()), "lastEventId");
        receiveRequests.add(lastEventId == null ? "" : lastEventId);
        if (!authorised(exchange)) {
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, null, new byte[0], Map.of("Allow", "GET"));
            return;
        }
        var deadline = System.nanoTime() + longPollHold.toNanos();
        var page = eventsAfter(lastEventId);
        while (page.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(LONG_POLL_TICK.toMillis());
            page = eventsAfter(lastEventId);
        }
        var next = page.isEmpty()
                ? (lastEventId == null ? "" : lastEventId)
                : page.get(page.size() - 1).id();
        var host = nextLinkHost != null ? nextLinkHost : "127.0.0.1:" + port;
        var link = "http://" + host + "/api/events/v1/" + country + "/external/" + tenant + "/receive?lastEventId="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
        var data = jakarta.json.Json.createArrayBuilder();
        for (var event : page) {
            data.add(jsonObject()
                    .add("id", event.id())
                    .add("type", event.type())
                    .add("timestamp", event.timestamp().toString())
                    .add("attributes", event.attributes()));
        }
        var json = jsonObject()
                .add("links", jsonObject().add("next", link))
                .add("meta", jsonObject())
                .add("data", data);
        send(exchange, 200, JSON, bytes(json.build().toString()), Map.of());
    }

    /** The events after lastEventId; all of them when it is absent, empty or not in the log. */
    private List<LoggedEvent> eventsAfter(String lastEventId) {
        var log = new ArrayList<>(eventLog);
        if (lastEventId == null || lastEventId.isEmpty()) {
            return log;
        }
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).id().equals(lastEventId)) {
                return log.subList(i + 1, log.size());
            }
        }
        return log;
    }

    // ---------------------------------------------------------------- shared

    /** Answers 401 and returns false unless the request carries an issued, unexpired bearer token. */
    private boolean authorised(HttpExchange exchange) throws IOException {
        var authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var token = tokens.get(authorization.substring(7).trim());
            if (token != null && token.expiresAt().isAfter(Instant.now())) {
                return true;
            }
        }
        unauthorisedRequests.incrementAndGet();
        send(exchange, 401, null, new byte[0], Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        return false;
    }

    /** Plays a scripted reply: true when it answered, false (after any delay) when handling continues. */
    private boolean answeredByScript(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        if (reply == null) {
            return false;
        }
        if (reply.delay != null) {
            pause(reply.delay);
            return false;
        }
        send(exchange, reply.status, reply.contentType, reply.body, reply.headers);
        return true;
    }

    private static void pause(Duration delay) throws InterruptedException {
        if (!delay.isZero() && !delay.isNegative()) {
            Thread.sleep(delay.toMillis());
        }
    }

    /** Always a fixed Content-Length; -1 (no body) when empty or when the status or method allows none. */
    private static void send(
            HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        var responseHeaders = exchange.getResponseHeaders();
        if (contentType != null) {
            responseHeaders.set("Content-Type", contentType);
        }
        headers.forEach(responseHeaders::set);
        var bodiless = status < 200 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        var length = bodiless ? 0 : body.length;
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length > 0) {
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Parses a query string or form body; names keep their case, values are form-decoded. */
    private static Map<String, List<String>> parameters(String encoded) {
        var result = new LinkedHashMap<String, List<String>>();
        if (encoded == null || encoded.isEmpty()) {
            return result;
        }
        for (var pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var equals = pair.indexOf('=');
            var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** RFC 6749 3.2: a token request parameter must not be repeated. */
    private static Map<String, String> single(Map<String, List<String>> form) throws Rejection {
        var result = new LinkedHashMap<String, String>();
        for (var entry : form.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new Rejection(400, "invalid_request", entry.getKey() + " is repeated");
            }
            result.put(entry.getKey(), entry.getValue().get(0));
        }
        return result;
    }

    /** The first value of a query parameter, its name compared case-insensitively (as ASP.NET does). */
    private static String first(Map<String, List<String>> parameters, String name) {
        return parameters.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    private static String key(String externalId) {
        return Objects.requireNonNull(externalId, "externalId").toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObjectBuilder jsonObject() {
        return jakarta.json.Json.createObjectBuilder();
    }

    private static String problem(int status, String title, String detail) {
        return jsonObject()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString();
    }

    private static JsonValue parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(Objects.requireNonNull(json, "json")))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    /** The JSON value, or null when the text is not JSON (Parsson throws various exceptions for that). */
    private static JsonValue tryParse(String json) {
        try {
            return parse(json);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
