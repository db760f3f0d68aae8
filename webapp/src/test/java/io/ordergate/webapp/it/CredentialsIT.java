package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The admin API for merchant credentials, and what rotation, revocation and throttling mean. */
class CredentialsIT extends OrderGateIT {

    int deliver(Merchant merchant, String username, String password) {
        return post(
                        "api/scayle/order-delegations",
                        basic(username, password),
                        "application/json",
                        Orders.delegation(merchant.key(), Orders.newReference()).getBytes(StandardCharsets.UTF_8))
                .statusCode();
    }

    @Test
    void adminApiRequiresAnAdminUser() {
        var none = get("api/admin/scayle/delegations", null);
        var wrong = get("api/admin/scayle/delegations", basic("admin", "not-the-password"));
        var unknown = get("api/admin/scayle/delegations", basic("mallory", ADMIN_PASSWORD));
        var ok = get("api/admin/scayle/delegations?size=5", admin());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.object(ok.body()).getJsonArray("items").size()).isLessThanOrEqualTo(5);
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'admin.request.rejected'"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void adminReadsAreAuditedAndTheApiIsDocumented() {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        delegate(merchant, Orders.delegation(merchant.key(), reference), "r");

        assertThat(get("api/admin/scayle/delegations/" + merchant.key() + "/" + reference, admin())
                        .statusCode())
                .isEqualTo(200);

        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scayle.delegation.viewed' "
                                + "AND actor = 'admin' AND subject_key = ?",
                        merchant.key() + "/" + reference))
                .isEqualTo(1);
        var openapi = text(get("openapi", null));
        assertThat(openapi)
                .contains(
                        "title: OrderGate API",
                        "/api/scayle/order-delegations:",
                        "/api/scayle/order-cancellations:",
                        "/api/admin/scayle/merchants:",
                        "/api/admin/scayle/delegations/{merchantKey}/{referenceKey}:");
    }

    @Test
    void newMerchantGetsReadyToPasteUrlsAndASecondCreateIsAConflict() {
        var merchant = newMerchant();

        assertThat(merchant.delegationUrl())
                .isEqualTo("https://" + merchant.username() + ":" + merchant.password()
                        + "@gateway.example.com/api/scayle/order-delegations");
        assertThat(merchant.cancellationUrl())
                .isEqualTo("https://" + merchant.username() + ":" + merchant.password()
                        + "@gateway.example.com/api/scayle/order-cancellations");
        assertThat(merchant.password()).hasSizeGreaterThanOrEqualTo(43);
        var again = post(
                "api/admin/scayle/merchants",
                admin(),
                "application/json",
                ("{\"merchantKey\":\"" + merchant.key() + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(409);
        var invalid = post(
                "api/admin/scayle/merchants",
                admin(),
                "application/json",
                "{\"merchantKey\":\"a b/c\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(invalid.statusCode()).isEqualTo(400);
        var malformed = post(
                "api/admin/scayle/merchants",
                admin(),
                "application/json",
                "{\"merchantKey\":".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(400);
    }

    @Test
    void secretsAreNeitherStoredNorAuditedInClear() {
        var merchant = newMerchant();

        assertThat(count(
                        "SELECT count(*) FROM cred_scayle_credential WHERE username = ? AND "
                                + "position(convert_to(?, 'UTF8') in secret_hmac) = 0",
                        merchant.username(),
                        merchant.password()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE detail::text LIKE ? OR subject_key LIKE ?",
                        "%" + merchant.password() + "%",
                        "%" + merchant.password() + "%"))
                .isZero();
        var listed = text(get("api/admin/scayle/merchants/" + merchant.key() + "/credentials", admin()));
        assertThat(listed).contains(merchant.username()).doesNotContain(merchant.password());
    }

    @Test
    void rotatedCredentialsKeepWorkingForTheGracePeriodThenStop() throws Exception {
        var merchant = newMerchant();
        var rotatedAt = Instant.now();
        var rotation =
                post("api/admin/scayle/merchants/" + merchant.key() + "/credentials", admin(), null, new byte[0]);
        assertThat(rotation.statusCode()).isEqualTo(201);
        var next = Merchant.from(Json.object(rotation.body()));
        assertThat(next.username()).isNotEqualTo(merchant.username());

        // the integration tests run with ORDERGATE_SCAYLE_ROTATION_GRACE=PT6S
        assertThat(deliver(merchant, merchant.username(), merchant.password())).isEqualTo(201);
        assertThat(deliver(merchant, next.username(), next.password())).isEqualTo(201);
        var listed = Json.array(get("api/admin/scayle/merchants/" + merchant.key() + "/credentials", admin())
                        .body())
                .getValuesAs(JsonObject.class);
        assertThat(listed).hasSize(2);
        assertThat(Json.array(get("api/admin/scayle/merchants", admin()).body()).getValuesAs(JsonObject.class))
                .filteredOn(m -> m.getString("merchantKey").equals(merchant.key()))
                .singleElement()
                .satisfies(m -> assertThat(m.getInt("activeCredentials")).isEqualTo(2));
        assertThat(listed.get(0).getString("expiresAt")).isNotBlank();

        Thread.sleep(Math.max(
                0,
                Duration.ofSeconds(7).toMillis()
                        - Duration.between(rotatedAt, Instant.now()).toMillis()));

        assertThat(deliver(merchant, merchant.username(), merchant.password())).isEqualTo(401);
        assertThat(deliver(merchant, next.username(), next.password())).isEqualTo(201);
    }

    @Test
    void revokedCredentialsStopAtOnce() {
        var merchant = newMerchant();
        assertThat(deliver(merchant, merchant.username(), merchant.password())).isEqualTo(201);

        var revoked =
                delete("api/admin/scayle/merchants/" + merchant.key() + "/credentials/" + merchant.username(), admin());

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(deliver(merchant, merchant.username(), merchant.password())).isEqualTo(401);
        assertThat(delete("api/admin/scayle/merchants/" + merchant.key() + "/credentials/scayle-nope", admin())
                        .statusCode())
                .isEqualTo(404);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scayle.credentials.revoked' "
                                + "AND subject_key = ? AND actor = 'admin'",
                        merchant.key()))
                .isEqualTo(1);
    }

    @Test
    void repeatedFailuresFromOneSourceAreThrottled() {
        var merchant = newMerchant();
        for (int i = 0; i < 10; i++) {
            assertThat(deliver(merchant, merchant.username(), "guess-" + i)).isEqualTo(401);
        }

        var response = post(
                "api/scayle/order-delegations",
                merchant.authorization(),
                "application/json",
                Orders.delegation(merchant.key(), Orders.newReference()).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 121));
        // another merchant's credentials from the same source are not locked out
        var bystander = newMerchant();
        assertThat(deliver(bystander, bystander.username(), bystander.password()))
                .isEqualTo(201);
    }
}
