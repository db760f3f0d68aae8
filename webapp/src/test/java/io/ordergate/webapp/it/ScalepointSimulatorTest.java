package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.scalepoint.control.ClientAssertions;
import io.ordergate.scalepoint.control.ClientCertificates;
import io.ordergate.scalepoint.control.ClientCertificates.KeyAndCertificate;
import io.ordergate.webapp.it.ScalepointSimulator.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Scalepoint simulator behaves like shared/specs/scalepoint.md, failures included, over real HTTP. */
class ScalepointSimulatorTest {

    static final String CLIENT = "ordergate-supplier";
    static final String ORDER = "BC6270D7-B0FB-434F-BF83-93E361C335CD";
    static final String ORDER_JSON = "{\"externalId\":\"" + ORDER + "\",\"orderNumber\":\"7001234\"}";
    static final String EVENTS = "/api/events/v1/dk/external/acme/";

    static KeyAndCertificate registered;
    static KeyAndCertificate unregistered;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ScalepointSimulator scalepoint;

    @BeforeAll
    static void keys() {
        registered = ClientCertificates.generate("ordergate-test", Duration.ofDays(30));
        unregistered = ClientCertificates.generate("someone-else", Duration.ofDays(30));
    }

    @BeforeEach
    void start() {
        scalepoint = ScalepointSimulator.start(0);
        scalepoint.registerClient(CLIENT, ClientCertificates.der(registered.certificate()));
    }

    @AfterEach
    void stop() {
        assertThat(scalepoint.internalErrors()).isEmpty();
        scalepoint.close();
    }

    // ---------------------------------------------------------------- Authorization Server

    @Test
    void aValidClientAssertionGetsATokenThatFetchesTheStoredOrderCaseInsensitively() {
        scalepoint.putOrder(ORDER, ORDER_JSON);

        var response = assertionRequest(
                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now()), "orders events");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        var json = json(response.body());
        assertThat(json.getString("token_type")).isEqualTo("Bearer");
        assertThat(json.getInt("expires_in")).isEqualTo(3600);
        assertThat(json.getString("scope")).isEqualTo("orders events");
        assertThat(Base64.getUrlDecoder().decode(json.getString("access_token")))
                .hasSize(32);

        var order = get("/api/Orders?ExternalId=" + ORDER.toLowerCase(), json.getString("access_token"));
        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(order.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(order.body()).isEqualTo(ORDER_JSON);
        assertThat(scalepoint.tokenRequests()).isEqualTo(1);
        assertThat(scalepoint.tokensIssued()).isEqualTo(1);
        assertThat(scalepoint.tokenRejections()).isEmpty();
        assertThat(scalepoint.scopesRequested()).containsExactly("orders events");
        assertThat(scalepoint.orderRequests(ORDER)).isEqualTo(1);
        assertThat(scalepoint.orderRequests()).isEqualTo(1);
    }

    @Test
    void everyRegisteredCertificateOfAClientIsAccepted() {
        var rotated = ClientCertificates.generate("ordergate-rotated", Duration.ofDays(30));
        scalepoint.registerClient(CLIENT, ClientCertificates.der(rotated.certificate()));

        var old = assertionRequest(
                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now()), "orders");
        var renewed = assertionRequest(
                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), rotated, Instant.now()), "orders");

        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(renewed.statusCode()).isEqualTo(200);
    }

    @Test
    void aReusedJtiIsRejected() {
        var assertion = ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now());

        assertThat(assertionRequest(assertion, "orders").statusCode()).isEqualTo(200);
        var replay = assertionRequest(assertion, "orders");

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json(replay.body()).getString("error")).isEqualTo("invalid_grant");
        assertThat(scalepoint.tokenRejections()).singleElement().asString().contains("jti reused");
        assertThat(scalepoint.tokensIssued()).isEqualTo(1);
        assertThat(scalepoint.tokenRequests()).isEqualTo(2);
    }

    @Test
    void anAssertionForAnotherAudienceIsRejected() {
        var response = assertionRequest(
                ClientAssertions.create(
                        CLIENT, "https://accounts.scalepoint.com/connect/token", registered, Instant.now()),
                "orders");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).getString("error")).isEqualTo("invalid_client");
        assertThat(scalepoint.tokenRejections()).singleElement().asString().contains("aud");
    }

    @Test
    void anAssertionSignedWithAnUnregisteredCertificateIsRejected() {
        var response = assertionRequest(
                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), unregistered, Instant.now()), "orders");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).getString("error")).isEqualTo("invalid_client");
        assertThat(scalepoint.tokenRejections()).singleElement().asString().contains("kid");
    }

    @Test
    void anAssertionNamingARegisteredCertificateButSignedWithAnotherKeyIsRejected() {
        var forged = new KeyAndCertificate(unregistered.privateKey(), registered.certificate());

        var response = assertionRequest(
                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), forged, Instant.now()), "orders");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(scalepoint.tokenRejections()).singleElement().asString().contains("signature");
    }

    @Test
    void expiredAndFutureAssertionsAreRejected() {
        var expired = assertionRequest(
                ClientAssertions.create(
                        CLIENT, scalepoint.tokenUrl(), registered, Instant.now().minusSeconds(120)),
                "orders");
        var future = assertionRequest(
                ClientAssertions.create(
                        CLIENT, scalepoint.tokenUrl(), registered, Instant.now().plusSeconds(60)),
                "orders");

        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(scalepoint.tokenRejections()).hasSize(2);
        assertThat(scalepoint.tokenRejections().get(0)).contains("expired");
        assertThat(scalepoint.tokenRejections().get(1)).contains("more than 60 s");
        assertThat(scalepoint.tokensIssued()).isZero();
    }

    @Test
    void aClientIdFieldBesideTheAssertionAndOtherGrantTypesAreRejected() {
        var assertion = ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now());
        var withClientId = token(
                null,
                "grant_type=client_credentials&client_id=" + CLIENT
                        + "&client_assertion_type=" + encode(ScalepointSimulator.JWT_BEARER)
                        + "&client_assertion=" + assertion);
        var password = token(
                null,
                "grant_type=password&client_assertion_type=" + encode(ScalepointSimulator.JWT_BEARER)
                        + "&client_assertion="
                        + ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now()));

        assertThat(withClientId.statusCode()).isEqualTo(400);
        assertThat(json(withClientId.body()).getString("error")).isEqualTo("invalid_request");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(json(password.body()).getString("error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void clientSecretsWorkAsFormFieldsAndHttpBasic() {
        var secret = "s3cr+t/=&x";
        scalepoint.registerSecretClient("webhook", secret);

        var post = token(
                null, "grant_type=client_credentials&scope=orders&client_id=webhook&client_secret=" + encode(secret));
        var basic = token(basic("webhook", secret), "grant_type=client_credentials&scope=events");
        var wrong = token(basic("webhook", "guess"), "grant_type=client_credentials");
        var wrongPost = token(null, "grant_type=client_credentials&client_id=webhook&client_secret=guess");
        var unknown = token(null, "grant_type=client_credentials&client_id=nobody&client_secret=guess");

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(json(wrong.body()).getString("error")).isEqualTo("invalid_client");
        assertThat(wrongPost.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(scalepoint.tokensIssued()).isEqualTo(2);
        assertThat(scalepoint.tokenRejections()).hasSize(3);
        assertThat(scalepoint.scopesRequested()).containsExactlyInAnyOrder("orders", "events");
    }

    @Test
    void scriptedTokenRepliesComeFirst() {
        scalepoint.scriptToken(Reply.serviceUnavailable(7), Reply.garbage());

        var unavailable = assertionRequest(
                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now()), "orders");
        var garbage = assertionRequest(
                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now()), "orders");
        var normal = assertionRequest(
                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now()), "orders");

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.body()).isEqualTo("<html>oops</html>");
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(scalepoint.tokenRequests()).isEqualTo(3);
        assertThat(scalepoint.tokensIssued()).isEqualTo(1);
    }

    @Test
    void expiredAndUnknownTokensAreUnauthorised() {
        scalepoint.putOrder(ORDER, ORDER_JSON);
        scalepoint.tokenLifetime(Duration.ZERO);
        var expired = secretToken();

        var none = get("/api/Orders?ExternalId=" + ORDER, null);
        var unknown = get("/api/Orders?ExternalId=" + ORDER, "not-a-token");
        var stale = get("/api/Orders?ExternalId=" + ORDER, expired);
        var send = post(EVENTS + "send", "not-a-token", "{\"eventType\":\"order_status\"}");

        for (var response : List.of(none, unknown, stale, send)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        }
        assertThat(scalepoint.unauthorisedRequests()).isEqualTo(4);
        assertThat(scalepoint.orderRequests()).isEqualTo(3);
        assertThat(scalepoint.orderRequests(ORDER.toLowerCase())).isEqualTo(3);
        assertThat(scalepoint.sentEvents()).isEmpty();
    }

    // ---------------------------------------------------------------- Order Data API

    @Test
    void scriptedOrderRepliesComeInOrderThenTheStoredOrder() {
        scalepoint.putOrder(ORDER, ORDER_JSON);
        scalepoint.script(
                ORDER.toLowerCase(),
                Reply.serviceUnavailable(5),
                Reply.tooManyRequests(3),
                Reply.serverError(),
                Reply.garbage(),
                Reply.redirect("http://elsewhere.example.com/"),
                Reply.huge(100_000),
                Reply.notFound());
        var token = secretToken();

        var answers = new ArrayList<HttpResponse<String>>();
        for (int i = 0; i < 8; i++) {
            answers.add(get("/api/Orders?ExternalId=" + ORDER, token));
        }

        assertThat(answers)
                .extracting(HttpResponse::statusCode)
                .containsExactly(503, 429, 500, 200, 302, 200, 404, 200);
        assertThat(answers.get(0).headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answers.get(0).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(answers.get(0).body()).getInt("status")).isEqualTo(503);
        assertThat(answers.get(1).headers().firstValue("Retry-After")).hasValue("3");
        assertThat(answers.get(3).body()).isEqualTo("<html>oops</html>");
        assertThat(answers.get(4).headers().firstValue("Location")).hasValue("http://elsewhere.example.com/");
        assertThat(answers.get(5).body().length()).isBetween(99_000, 101_000);
        assertThat(json(answers.get(5).body()).getString("filler")).isNotEmpty();
        assertThat(answers.get(7).body()).isEqualTo(ORDER_JSON);
        assertThat(scalepoint.orderRequests(ORDER)).isEqualTo(8);
    }

    @Test
    void unknownOrdersAndMissingExternalIdsAreClientErrors() {
        var token = secretToken();

        var unknown = get("/api/Orders?ExternalId=00000000-0000-0000-0000-000000000000", token);
        var missing = get("/api/Orders", token);
        var elsewhere = get("/api/Nothing", token);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).getInt("status")).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    @Test
    void anOutageAnswersEveryOrderRequestUntilItEnds() {
        scalepoint.putOrder(ORDER, ORDER_JSON);
        var token = secretToken();
        scalepoint.outage(Reply.serviceUnavailable(60));

        var during = get("/api/Orders?ExternalId=" + ORDER, token);
        var unknownDuring = get("/api/Orders?ExternalId=other", token);
        scalepoint.outage(null);
        var after = get("/api/Orders?ExternalId=" + ORDER, token);

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(unknownDuring.statusCode()).isEqualTo(503);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(ORDER_JSON);
    }

    @Test
    void overlappingSlowRequestsForOneOrderAreCountedAsConcurrent() {
        scalepoint.putOrder(ORDER, ORDER_JSON);
        scalepoint.script(ORDER, Reply.slow(Duration.ofMillis(700)), Reply.slow(Duration.ofMillis(700)));
        var token = secretToken();

        var first = getAsync("/api/Orders?ExternalId=" + ORDER, token);
        var second = getAsync("/api/Orders?ExternalId=" + ORDER.toLowerCase(), token);

        assertThat(first.join().statusCode()).isEqualTo(200);
        assertThat(second.join().statusCode()).isEqualTo(200);
        assertThat(first.join().body()).isEqualTo(ORDER_JSON);
        assertThat(scalepoint.maxConcurrentPerOrder()).isEqualTo(2);

        get("/api/Orders?ExternalId=" + ORDER, token);
        assertThat(scalepoint.maxConcurrentPerOrder()).isEqualTo(2);
    }

    @Test
    void latencyDelaysEveryOrderRequest() {
        scalepoint.putOrder(ORDER, ORDER_JSON);
        var token = secretToken();
        scalepoint.latency(Duration.ofMillis(300));

        var started = System.nanoTime();
        var response = get("/api/Orders?ExternalId=" + ORDER, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    // ---------------------------------------------------------------- Event API

    @Test
    void sendRecordsAcceptedEventsAndPlaysScriptedReplies() {
        var token = secretToken();
        scalepoint.scriptSend(Reply.serverError(), Reply.tooManyRequests(2));
        var event = "{\"eventType\":\"order_status\",\"payloadVersion\":\"1.0.0\",\"status\":\"shipped\"}";

        var failed = post(EVENTS + "send", token, event);
        var limited = post(EVENTS + "send", token, event);
        var accepted = post(EVENTS + "send", token, event);
        var notJson = post(EVENTS + "send", token, "<html>");
        var noType = post(EVENTS + "send", token, "{\"eventType\":42}");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(scalepoint.sendRequests()).isEqualTo(5);
        var sent = scalepoint.sentEvents();
        assertThat(sent).singleElement().satisfies(one -> {
            assertThat(one.country()).isEqualTo("dk");
            assertThat(one.tenant()).isEqualTo("acme");
            assertThat(one.body()).isEqualTo(event);
            assertThat(one.headers())
                    .containsEntry("x-event-type", "order_status")
                    .containsEntry("content-type", "application/json");
            assertThat(one.header("X-Event-Type")).isEqualTo("order_status");
        });
    }

    @Test
    void longPollingReturnsEventsAfterTheLastOneAndHoldsWhenThereAreNone() {
        var token = secretToken();
        scalepoint.longPollHold(Duration.ofMillis(400));
        scalepoint.publishForLongPoll("_1", "order_created", "{\"orderToken\":\"" + ORDER + "\"}");
        scalepoint.publishForLongPoll("_2", "case_created", "{\"case\":{\"number\":\"CH60158270\"}}");

        var all = json(get(EVENTS + "receive", token).body());
        var afterFirst = json(get(EVENTS + "receive?lastEventId=_1", token).body());
        var started = System.nanoTime();
        var nothing = json(get(EVENTS + "receive?lastEventId=_2", token).body());
        var held = Duration.ofNanos(System.nanoTime() - started);

        assertThat(all.getJsonArray("data")).hasSize(2);
        var first = all.getJsonArray("data").getJsonObject(0);
        assertThat(first.getString("id")).isEqualTo("_1");
        assertThat(first.getString("type")).isEqualTo("order_created");
        assertThat(Instant.parse(first.getString("timestamp"))).isBeforeOrEqualTo(Instant.now());
        assertThat(first.getJsonObject("attributes").getString("orderToken")).isEqualTo(ORDER);
        assertThat(all.getJsonObject("links").getString("next"))
                .isEqualTo(scalepoint.baseUrl() + EVENTS + "receive?lastEventId=_2");
        assertThat(all.getJsonObject("meta")).isEmpty();
        assertThat(afterFirst.getJsonArray("data"))
                .singleElement()
                .satisfies(event ->
                        assertThat(event.asJsonObject().getString("id")).isEqualTo("_2"));
        assertThat(nothing.getJsonArray("data")).isEmpty();
        assertThat(nothing.getJsonObject("links").getString("next")).endsWith("receive?lastEventId=_2");
        assertThat(held).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        assertThat(scalepoint.receiveRequests()).containsExactly("", "_1", "_2");
    }

    @Test
    void aHeldLongPollAnswersAsSoonAsAnEventIsPublished() throws InterruptedException {
        var token = secretToken();
        scalepoint.longPollHold(Duration.ofSeconds(10));
        scalepoint.nextLinkHost("events.example.com");

        var started = System.nanoTime();
        var pending = getAsync(EVENTS + "receive?lastEventId=", token);
        Thread.sleep(300);
        scalepoint.publishForLongPoll("_7", "order_created", "{}");
        var page = json(pending.join().body());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(page.getJsonArray("data")).hasSize(1);
        assertThat(page.getJsonObject("links").getString("next"))
                .isEqualTo("http://events.example.com" + EVENTS + "receive?lastEventId=_7");
    }

    @Test
    void resetForgetsEverything() {
        scalepoint.putOrder(ORDER, ORDER_JSON);
        var token = secretToken();
        assertThat(get("/api/Orders?ExternalId=" + ORDER, token).statusCode()).isEqualTo(200);

        scalepoint.reset();

        assertThat(get("/api/Orders?ExternalId=" + ORDER, token).statusCode()).isEqualTo(401);
        assertThat(scalepoint.tokenRequests()).isZero();
        assertThat(scalepoint.orderRequests()).isEqualTo(1);
        assertThat(assertionRequest(
                                ClientAssertions.create(CLIENT, scalepoint.tokenUrl(), registered, Instant.now()),
                                "orders")
                        .statusCode())
                .isEqualTo(401);
    }

    // ---------------------------------------------------------------- helpers

    /** A token for a secret client registered on the spot. */
    String secretToken() {
        scalepoint.registerSecretClient("helper", "helper-secret");
        var response = token(basic("helper", "helper-secret"), "grant_type=client_credentials&scope=orders");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body()).getString("access_token");
    }

    HttpResponse<String> assertionRequest(String assertion, String scope) {
        return token(
                null,
                "grant_type=client_credentials&client_assertion_type=" + encode(ScalepointSimulator.JWT_BEARER)
                        + "&client_assertion=" + assertion + "&scope=" + encode(scope));
    }

    HttpResponse<String> token(String authorization, String form) {
        var request = HttpRequest.newBuilder(URI.create(scalepoint.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return exchange(request.build());
    }

    HttpResponse<String> get(String path, String token) {
        return exchange(request(path, token).GET().build());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path, String token) {
        return http.sendAsync(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return exchange(request(path, token)
                .header("Content-Type", "application/json")
                .header("X-Event-Type", "order_status")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpRequest.Builder request(String path, String token) {
        var request =
                HttpRequest.newBuilder(URI.create(scalepoint.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String clientId, String secret) {
        var pair = encode(clientId) + ":" + encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonObject json(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
