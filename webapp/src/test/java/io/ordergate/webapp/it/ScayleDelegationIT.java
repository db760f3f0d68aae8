package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The delegation webhook as SCAYLE sees it: mapping, replay, conflicts, rejections. */
class ScayleDelegationIT extends OrderGateIT {

    /** Each test's own merchant, and the example order under a new reference, not delivered yet. */
    Merchant merchant;

    String reference;
    String body;

    @BeforeEach
    void newMerchantAndOrder() {
        merchant = newMerchant();
        reference = Orders.newReference();
        body = Orders.delegation(merchant.key(), reference);
    }

    @Test
    void acknowledgementMapsEveryItemInRequestOrder() {
        var response = delegate(merchant, body, "req-1");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(text(response))
                .isEqualTo("{\"orderDelegationResult\":\"acknowledged\",\"referenceKey\":\""
                        + reference + "\",\"merchantReferenceKey\":\"" + merchant.key() + "\",\"items\":["
                        + "{\"referenceKey\":\"1968655\",\"merchantReferenceKey\":\"" + merchant.key()
                        + "\",\"deliverableQuantity\":1},"
                        + "{\"referenceKey\":\"1968656\",\"merchantReferenceKey\":\"" + merchant.key()
                        + "-wh\",\"deliverableQuantity\":2}]}");
    }

    @Test
    void orderIsStoredInQueryableColumnsWithTheRawBodyAsReceived() {
        assertThat(delegate(merchant, body, "req-raw").statusCode()).isEqualTo(201);

        var order = rows(
                        "SELECT * FROM scayle_delegation WHERE merchant_key = ? AND reference_key = ?",
                        merchant.key(),
                        reference)
                .get(0);
        assertThat(order)
                .containsEntry("scayle_order_id", 99110901L)
                .containsEntry("scayle_id", 15174L)
                .containsEntry("shop_key", "fa")
                .containsEntry("country_code", "AT")
                .containsEntry("company_id", 1000L)
                .containsEntry("customer_email", "jane@example.com")
                .containsEntry("status", "acknowledged")
                .containsEntry("item_count", 2);
        var id = order.get("delegation_id");
        assertThat(rows(
                        "SELECT order_item_id, sku, quantity, deliverable_quantity FROM scayle_delegation_item "
                                + "WHERE delegation_id = ? ORDER BY position",
                        id))
                .extracting(r -> r.get("order_item_id") + "/" + r.get("sku") + "/" + r.get("quantity") + "/"
                        + r.get("deliverable_quantity"))
                .containsExactly("1968655/SKU-1022643/1/1", "1968656/SKU-738854/2/2");
        assertThat(rows(
                        "SELECT kind, street, zip_code FROM scayle_delegation_address WHERE delegation_id = ? "
                                + "ORDER BY kind",
                        id))
                .extracting(r -> r.get("kind") + ":" + r.get("street") + ":" + r.get("zip_code"))
                .containsExactly("billing:Hauptstrasse:1010", "shipping:Ring:1020");
        var attempt = rows(
                        "SELECT raw_body, headers::text AS headers, request_id, outcome, credential "
                                + "FROM scayle_delivery_attempt WHERE delegation_id = ?",
                        id)
                .get(0);
        assertThat((byte[]) attempt.get("raw_body")).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat((String) attempt.get("headers"))
                .contains("x-request-id")
                .doesNotContainIgnoringCase("authorization")
                .doesNotContain(merchant.password());
        assertThat(attempt)
                .containsEntry("request_id", "req-raw")
                .containsEntry("outcome", "created")
                .containsEntry("credential", merchant.username());
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scayle.delegation.received' "
                                + "AND subject_key = ? AND outcome = 'created'",
                        merchant.key() + "/" + reference))
                .isEqualTo(1);
    }

    @Test
    void redeliveryGetsTheSameBytesWhateverItsRequestId() {
        var first = delegate(merchant, body, "attempt-1");
        var second = delegate(merchant, body, "attempt-2");
        // the same content, formatted differently, is the same order too
        var reformatted = delegate(merchant, body.replace("\n", " ").replace(": ", ":"), "attempt-3");

        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(reformatted.body()).isEqualTo(first.body());
        assertThat(count(
                        "SELECT count(*) FROM scayle_delegation WHERE merchant_key = ? AND reference_key = ?",
                        merchant.key(),
                        reference))
                .isEqualTo(1);
        var detail = Json.object(get("api/admin/scayle/delegations/" + merchant.key() + "/" + reference, admin())
                .body());
        assertThat(detail.getBoolean("conflict")).isFalse();
        assertThat(detail.getJsonArray("attempts").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("requestId") + "=" + a.getString("outcome"))
                .containsExactly("attempt-1=created", "attempt-2=replayed", "attempt-3=replayed");
        assertThat(detail.getJsonObject("acknowledgement").toString()).isEqualTo(text(first));
    }

    @Test
    void differentBodyForTheSameOrderGetsTheFirstAnswerAndIsFlaggedAsConflict() {
        var first = delegate(merchant, body, "c-1");

        var changed = delegate(
                merchant,
                Orders.delegation(merchant.key(), reference, "other@example.com")
                        .replace("\"quantity\": 2", "\"quantity\": 5"),
                "c-2");

        assertThat(changed.statusCode()).isEqualTo(201);
        assertThat(changed.body()).isEqualTo(first.body());
        var detail = Json.object(get("api/admin/scayle/delegations/" + merchant.key() + "/" + reference, admin())
                .body());
        assertThat(detail.getBoolean("conflict")).isTrue();
        assertThat(detail.getJsonObject("customer").getString("email")).isEqualTo("jane@example.com");
        assertThat(detail.getJsonArray("attempts").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("outcome"))
                .containsExactly("created", "conflict");
        var hashes = detail.getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("payloadSha256"))
                .distinct()
                .count();
        assertThat(hashes).isEqualTo(2);
        var attempts = detail.getJsonArray("attempts").getValuesAs(JsonObject.class);
        var firstBody = get(
                "api/admin/scayle/delegations/" + merchant.key() + "/" + reference + "/attempts/"
                        + attempts.get(0).getJsonNumber("id").longValue() + "/payload",
                admin());
        assertThat(firstBody.statusCode()).isEqualTo(200);
        assertThat(firstBody.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        var secondBody = get(
                "api/admin/scayle/delegations/" + merchant.key() + "/" + reference + "/attempts/"
                        + attempts.get(1).getJsonNumber("id").longValue() + "/payload",
                admin());
        assertThat(text(secondBody)).contains("other@example.com").contains("\"quantity\": 5");
        assertThat(get(
                                "api/admin/scayle/delegations/" + merchant.key() + "/other-ref/attempts/"
                                        + attempts.get(0).getJsonNumber("id").longValue() + "/payload",
                                admin())
                        .statusCode())
                .isEqualTo(404);
        var conflicts =
                Json.object(get("api/admin/scayle/delegations?conflict=true&merchantKey=" + merchant.key(), admin())
                        .body());
        assertThat(conflicts.getInt("total")).isEqualTo(1);
        assertThat(conflicts.getJsonArray("items").getJsonObject(0).getString("referenceKey"))
                .isEqualTo(reference);
        assertThat(get("api/admin/scayle/delegations?conflict=maybe", admin()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void oneSearchFieldFindsAnOrderByReferenceSkuOrCustomerEmail() {
        var email = "Search." + reference + "@Example.com";
        var sku = "SKU-" + reference;
        assertThat(delegate(
                                merchant,
                                Orders.delegation(merchant.key(), reference, email)
                                        .replace("SKU-738854", sku),
                                "q-1")
                        .statusCode())
                .isEqualTo(201);
        assertThat(delegate(merchant, Orders.delegation(merchant.key(), Orders.newReference()), "q-2")
                        .statusCode())
                .isEqualTo(201);

        for (var query : new String[] {
            reference,
            reference + "-o",
            sku,
            email.toLowerCase(java.util.Locale.ROOT),
            email.toUpperCase(java.util.Locale.ROOT)
        }) {
            var found = Json.object(get(
                            "api/admin/scayle/delegations?merchantKey=" + merchant.key() + "&q="
                                    + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8),
                            admin())
                    .body());
            assertThat(found.getInt("total")).as(query).isEqualTo(1);
            assertThat(found.getJsonArray("items").getJsonObject(0).getString("referenceKey"))
                    .as(query)
                    .isEqualTo(reference);
        }
        // exact values only: a fragment finds nothing (every search stays an index lookup)
        var fragment = Json.object(get(
                        "api/admin/scayle/delegations?merchantKey=" + merchant.key() + "&q="
                                + reference.substring(0, 4),
                        admin())
                .body());
        assertThat(fragment.getInt("total")).isZero();
        var both = Json.object(
                get("api/admin/scayle/delegations?merchantKey=" + merchant.key() + "&q=SKU-1022643", admin())
                        .body());
        assertThat(both.getInt("total")).isEqualTo(2);
    }

    static Stream<Arguments> malformed() {
        var valid = Orders.delegation("MERCHANT", "REF");
        return Stream.of(
                Arguments.of("not JSON", "{\"referenceKey\": ", "not well-formed JSON"),
                Arguments.of("JSON but no object", "[1,2]", "must be a JSON object"),
                Arguments.of("empty body", "", "not well-formed JSON"),
                Arguments.of(
                        "referenceKey missing",
                        valid.replace("\"referenceKey\": \"REF\",", ""),
                        "'referenceKey' is required"),
                Arguments.of(
                        "referenceKey wrong type",
                        valid.replace("\"referenceKey\": \"REF\"", "\"referenceKey\": 42"),
                        "'referenceKey' must be a string"),
                Arguments.of(
                        "fulfillingMerchantKey missing",
                        valid.replace("\"fulfillingMerchantKey\": \"MERCHANT\",", ""),
                        "'fulfillingMerchantKey' is required"),
                Arguments.of(
                        "items missing",
                        "{\"referenceKey\":\"REF\",\"fulfillingMerchantKey\":\"MERCHANT\"}",
                        "'items' is required"),
                Arguments.of(
                        "items empty",
                        "{\"referenceKey\":\"REF\",\"fulfillingMerchantKey\":\"MERCHANT\",\"items\":[]}",
                        "at least one item"),
                Arguments.of(
                        "items not an array",
                        "{\"referenceKey\":\"REF\",\"fulfillingMerchantKey\":\"MERCHANT\",\"items\":{}}",
                        "'items' must be an array"),
                Arguments.of(
                        "item referenceKey missing",
                        valid.replace("\"referenceKey\": \"1968655\",", ""),
                        "'items[0].referenceKey' is required"),
                Arguments.of(
                        "item merchantKey missing",
                        valid.replace("\"merchantKey\": \"MERCHANT\",", ""),
                        "'items[0].merchantKey' is required"),
                Arguments.of(
                        "quantity zero",
                        valid.replace("\"quantity\": 1", "\"quantity\": 0"),
                        "'items[0].quantity' must be at least 1"),
                Arguments.of(
                        "quantity a string",
                        valid.replace("\"quantity\": 1", "\"quantity\": \"1\""),
                        "'items[0].quantity' must be a whole number"),
                Arguments.of(
                        "quantity huge",
                        valid.replace("\"quantity\": 1", "\"quantity\": 99999999999999999999"),
                        "'items[0].quantity' is out of range"),
                Arguments.of("duplicate item reference", valid.replace("\"1968656\"", "\"1968655\""), "must be unique"),
                Arguments.of(
                        "duplicate member name",
                        "{\"referenceKey\":\"REF\",\"referenceKey\":\"REF2\",\"fulfillingMerchantKey\":\"MERCHANT\"}",
                        "uplicate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void badInputGetsA400ProblemAndStoresOnlyTheRejection(String name, String template, String expectedDetail) {
        var invalid = template.replace("MERCHANT", merchant.key()).replace("\"REF", "\"" + reference);
        long rejectionsBefore = rejections();

        var response = delegate(merchant, invalid, "bad-1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = Json.object(response.body());
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).contains(expectedDetail);
        assertThat(count("SELECT count(*) FROM scayle_delivery_attempt WHERE merchant_key = ?", merchant.key()))
                .isZero();
        assertThat(count("SELECT count(*) FROM scayle_delegation WHERE merchant_key = ?", merchant.key()))
                .isZero();
        assertThat(count("SELECT count(*) FROM idem_record WHERE idem_key LIKE ?", "%" + merchant.key() + "%"))
                .isZero();
        assertThat(rejections()).isEqualTo(rejectionsBefore + 1);
    }

    @Test
    void invalidUtf8IsRejected() {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        bytes[20] = (byte) 0xC3;
        bytes[21] = (byte) 0x28;

        var response = post("api/scayle/order-delegations", merchant.authorization(), "application/json", bytes);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.object(response.body()).getString("detail")).contains("not valid UTF-8");
    }

    @Test
    void nonJsonContentTypeGets415() {
        var bytes = body.getBytes(StandardCharsets.UTF_8);

        var plain = post("api/scayle/order-delegations", merchant.authorization(), "text/plain", bytes);
        var none = post("api/scayle/order-delegations", merchant.authorization(), null, bytes);
        var problemJson = post(
                "api/scayle/order-delegations", merchant.authorization(), "application/json; charset=utf-8", bytes);

        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(problemJson.statusCode()).isEqualTo(201);
    }

    @Test
    void bodyAboveTheLimitGets413WhetherOrNotItsLengthIsDeclared() throws Exception {
        // the integration tests run with a 64 KiB limit (ORDERGATE_SCAYLE_MAX_BODY_BYTES)
        var padding = "x".repeat(70_000);
        var padded = body.replace("\"someFutureField\": {\"kept\": true}", "\"padding\": \"" + padding + "\"")
                .getBytes(StandardCharsets.UTF_8);

        var declared = RawHttp.post(uri("api/scayle/order-delegations"), merchant.authorization(), padded, false);
        var chunked = RawHttp.post(uri("api/scayle/order-delegations"), merchant.authorization(), padded, true);

        assertThat(declared.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body()).contains("65536");
        assertThat(count("SELECT count(*) FROM scayle_delegation WHERE merchant_key = ?", merchant.key()))
                .isZero();
    }

    @Test
    void everyAuthenticationFailureGets401WithABasicChallenge() {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var colonInPassword = basic(merchant.username(), merchant.password() + ":" + merchant.password());
        var notBase64 = "Basic %%%not-base64%%%";
        var noColon = "Basic "
                + Base64.getEncoder().encodeToString(merchant.username().getBytes(StandardCharsets.UTF_8));

        for (var authorization : new String[] {
            null,
            "Bearer abc",
            notBase64,
            noColon,
            basic("scayle-0000000000000000", merchant.password()),
            basic(merchant.username(), "wrong"),
            colonInPassword
        }) {
            var response = post("api/scayle/order-delegations", authorization, "application/json", bytes);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(count("SELECT count(*) FROM scayle_delegation WHERE merchant_key = ?", merchant.key()))
                .isZero();
        assertThat(post("api/scayle/order-delegations", merchant.authorization(), "application/json", bytes)
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void orderOfAnotherMerchantGets403() {
        var theirs = newMerchant();

        var response = delegate(merchant, Orders.delegation(theirs.key(), reference), "x");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.object(response.body()).getString("detail"))
                .contains(merchant.key())
                .contains(theirs.key());
        assertThat(count("SELECT count(*) FROM scayle_delegation WHERE merchant_key = ?", theirs.key()))
                .isZero();
    }

    @Test
    void unknownDelegationIs404InTheAdminApi() {
        var response = get("api/admin/scayle/delegations/nobody/nothing", admin());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static long rejections() {
        return count("SELECT count(*) FROM audit_record WHERE action = 'scayle.delegation.rejected'");
    }
}
