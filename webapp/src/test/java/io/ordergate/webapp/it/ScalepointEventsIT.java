package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Receiving Scalepoint events: our OAuth2 token endpoint, the bearer-protected events webhook,
 * both event shapes, duplicates, and the order plus its queued fetch created exactly once.
 */
class ScalepointEventsIT extends ScalepointBase {

    @Test
    void theTokenEndpointIssuesShortLivedBearerTokensToRegisteredClients() {
        var client = newClient();
        assertThat(client.tokenUrl()).isEqualTo("https://gateway.example.com/oauth/token");
        assertThat(client.webhookUrl()).isEqualTo("https://gateway.example.com/api/scalepoint/events");
        assertThat(client.scope()).isEqualTo("ordergate.events");

        var basicAuth = token(
                basic(client.clientId(), client.clientSecret()),
                "grant_type=client_credentials&scope=ordergate.events");
        var postAuth = token(
                null,
                "grant_type=client_credentials&client_id=" + client.clientId() + "&client_secret="
                        + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8));

        assertThat(basicAuth.statusCode()).isEqualTo(200);
        assertThat(basicAuth.headers().firstValue("Cache-Control")).hasValue("no-store");
        var issued = Json.object(basicAuth.body());
        assertThat(issued.getString("token_type")).isEqualTo("Bearer");
        assertThat(issued.getInt("expires_in")).isBetween(60, 3600);
        assertThat(issued.getString("access_token")).isNotBlank();
        assertThat(postAuth.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenRequestsThatCannotBeGrantedGetRfc6749Errors() {
        var client = newClient();
        var good = basic(client.clientId(), client.clientSecret());

        var wrongSecret = token(basic(client.clientId(), "wrong"), "grant_type=client_credentials");
        var noClient = token(null, "grant_type=client_credentials");
        var noGrant = token(good, "scope=ordergate.events");
        var password = token(good, "grant_type=password&username=a&password=b");
        var otherScope = token(good, "grant_type=client_credentials&scope=admin");
        var json = post("oauth/token", good, "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(Json.object(wrongSecret.body()).getString("error")).isEqualTo("invalid_client");
        assertThat(noClient.statusCode()).isEqualTo(401);
        assertThat(Json.object(noGrant.body()).getString("error")).isEqualTo("invalid_request");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(Json.object(password.body()).getString("error")).isEqualTo("unsupported_grant_type");
        assertThat(Json.object(otherScope.body()).getString("error")).isEqualTo("invalid_scope");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(text(wrongSecret)).doesNotContain(client.clientSecret());
    }

    @Test
    void orderCreatedMakesOneOrderAndOneFetchWhateverIsRedelivered() {
        var client = newClient();
        var token = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        var body = ScalepointEvents.orderCreated(
                token, "8418F893-02AF-43AF-802B-F7F71C243969", "2018-12-27T08:46:36+0200");

        var first = event(bearer(client), body);
        var again = event(bearer(client), body);
        var lowerCased = event(bearer(client), body.replace(token, token.toLowerCase(Locale.ROOT)));
        var otherEventSameOrder = event(
                bearer(client),
                ScalepointEvents.orderCreated(
                        token, UUID.randomUUID().toString(), "2020-04-28T20:43:35.0348577+02:00"));

        assertThat(first.statusCode()).isEqualTo(202);
        var receipt = Json.object(first.body());
        assertThat(receipt.getBoolean("duplicate")).isFalse();
        assertThat(receipt.getBoolean("fetchQueued")).isTrue();
        assertThat(receipt.getString("orderToken")).isEqualTo(token.toLowerCase(Locale.ROOT));
        assertThat(Json.object(again.body()).getBoolean("duplicate")).isTrue();
        assertThat(Json.object(lowerCased.body()).getBoolean("duplicate")).isTrue();
        assertThat(otherEventSameOrder.statusCode()).isEqualTo(202);
        assertThat(Json.object(otherEventSameOrder.body()).getBoolean("fetchQueued"))
                .isFalse();
        var lower = token.toLowerCase(Locale.ROOT);
        assertThat(count("SELECT count(*) FROM sp_event WHERE order_token = ?", lower))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM sp_order WHERE order_token = ?", lower))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM job WHERE job_type = 'scalepoint.fetch-order' AND dedupe_key = ?", lower))
                .isEqualTo(1);
        var order =
                Json.object(get("api/admin/scalepoint/orders/" + token, admin()).body());
        // Nothing answers for this order at Order Data, so its fetch may already have failed.
        assertThat(order.getString("status")).isIn("pending", "failed", "dead");
        assertThat(order.getJsonObject("case").getString("number")).isEqualTo("CH60158270");
        assertThat(order.getJsonObject("summary").getJsonNumber("fetchJobId").longValue())
                .isPositive();
        assertThat(count(
                        "SELECT count(*) FROM sp_event WHERE order_token = ? AND event_time = "
                                + "'2018-12-27T06:46:36Z'::timestamptz",
                        lower))
                .isEqualTo(1);
    }

    @Test
    void theLongPollWrapperAndOtherEventTypesAreStoredAndListed() {
        var client = newClient();
        var token = UUID.randomUUID().toString();
        var wrapped = "{\"id\": \"_" + UUID.randomUUID() + "\", \"type\": \"order_created\", "
                + "\"timestamp\": \"2020-04-28T18:43:38.004451447Z\", \"attributes\": "
                + ScalepointEvents.orderCreated(token, UUID.randomUUID().toString(), "2016-12-01T12:34:39.887165Z")
                + "}";
        var caseCreated = "{\"eventType\": \"case_created\", \"payloadVersion\": \"1.2.0\", \"correlationId\": \""
                + UUID.randomUUID() + "\", \"timestamp\": \"2016-12-01T12:34:39.887165Z\", \"case\": {\"number\": "
                + "\"CH1\"}, \"anotherField\": [1, 2]}";
        var futureVersion = ScalepointEvents.orderCreated(
                        UUID.randomUUID().toString(), UUID.randomUUID().toString(), "2016-12-01T12:34:39Z")
                .replace("\"1.0.0\"", "\"2.0.0\"");

        assertThat(event(bearer(client), wrapped).statusCode()).isEqualTo(202);
        assertThat(event(bearer(client), caseCreated).statusCode()).isEqualTo(202);
        var flagged = event(bearer(client), futureVersion);

        assertThat(count("SELECT count(*) FROM sp_order WHERE order_token = ?", token))
                .isEqualTo(1);
        assertThat(flagged.statusCode()).isEqualTo(202);
        assertThat(Json.object(flagged.body()).getBoolean("fetchQueued")).isFalse();
        assertThat(count(
                        "SELECT count(*) FROM sp_event WHERE payload_version = '2.0.0' AND NOT supported "
                                + "AND client_id = ?",
                        client.clientId()))
                .isEqualTo(1);
        var listed = Json.object(get("api/admin/scalepoint/events?eventType=case_created", admin())
                .body());
        assertThat(listed.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> assertThat(e.getString("caseNumber")).isEqualTo("CH1"));
    }

    @Test
    void badEventsAndBadTokensAreRejected() {
        var client = newClient();
        var bearer = bearer(client);

        assertThat(event(bearer, "{not json").statusCode()).isEqualTo(400);
        assertThat(event(bearer, "{\"payloadVersion\": \"1.0.0\"}").statusCode())
                .isEqualTo(400);
        var noGuid = event(bearer, ScalepointEvents.orderCreated("not-a-guid", "x", "2016-12-01T12:34:39Z"));
        assertThat(noGuid.statusCode()).isEqualTo(400);
        assertThat(Json.object(noGuid.body()).getString("detail")).contains("GUID");
        assertThat(post("api/scalepoint/events", bearer, "text/plain", "{}".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(415);
        var none = event(null, "{}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(event("Bearer not.a.token", "{}").statusCode()).isEqualTo(401);
        // a SCAYLE-style Basic credential is no bearer token
        assertThat(event(basic(client.clientId(), client.clientSecret()), "{}").statusCode())
                .isEqualTo(401);

        assertThat(delete("api/admin/scalepoint/webhook-clients/" + client.clientId(), admin())
                        .statusCode())
                .isEqualTo(204);
        assertThat(event(
                                bearer,
                                ScalepointEvents.orderCreated(
                                        UUID.randomUUID().toString(), "y", "2016-12-01T12:34:39Z"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'scalepoint.event.rejected'"))
                .isGreaterThanOrEqualTo(8);
    }
}
