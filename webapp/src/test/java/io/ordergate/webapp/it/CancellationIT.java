package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The cancellation webhook: answered, linked to its order, idempotent, unknown orders flagged. */
class CancellationIT extends OrderGateIT {

    HttpResponse cancel(Merchant merchant, String body, String requestId) {
        var response = post(
                "api/scayle/order-cancellations",
                merchant.authorization(),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                "X-Request-Id",
                requestId);
        return new HttpResponse(response.statusCode(), text(response));
    }

    record HttpResponse(int status, String body) {}

    static String cancellation(String orderReferenceKey, String merchantKey, String warehouses) {
        return "{\"orderReferenceKey\":\"" + orderReferenceKey + "\",\"fulfillingMerchantKey\":\"" + merchantKey
                + "\",\"merchantKey\":\"" + merchantKey + "\",\"companyId\":1000,\"warehouseIds\":" + warehouses + "}";
    }

    @Test
    void cancellationIsAnsweredLinkedAndIdempotent() {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        assertThat(delegate(merchant, Orders.delegation(merchant.key(), reference), "d")
                        .statusCode())
                .isEqualTo(201);

        var first = cancel(merchant, cancellation(reference, merchant.key(), "[2,1]"), "c-1");
        var again = cancel(merchant, cancellation(reference, merchant.key(), "[1,2]"), "c-2");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body())
                .isEqualTo("{\"orderReferenceKey\":\"" + reference + "\",\"cancellationResult\":\"successful\"}");
        assertThat(again).isEqualTo(first);
        var detail = Json.object(get("api/admin/scayle/delegations/" + merchant.key() + "/" + reference, admin())
                .body());
        assertThat(detail.getString("status")).isEqualTo("cancelled");
        assertThat(detail.getString("cancelledAt")).isNotBlank();
        assertThat(detail.getJsonArray("cancellations")).hasSize(1);
        assertThat(detail.getJsonArray("attempts").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("kind") + "=" + a.getString("outcome"))
                .containsExactly("delegation=created", "cancellation=created", "cancellation=replayed");
        assertThat(count("SELECT count(*) FROM scayle_cancellation WHERE merchant_key = ?", merchant.key()))
                .isEqualTo(1);
    }

    @Test
    void cancellationNamingTheOrderReferenceKeyFindsTheDelegation() {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        delegate(merchant, Orders.delegation(merchant.key(), reference), "d");

        var response = cancel(merchant, cancellation(reference + "-o", merchant.key(), "[]"), "c");

        assertThat(response.status()).isEqualTo(201);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delegation WHERE merchant_key = ? AND status = 'cancelled'",
                        merchant.key()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM scayle_cancellation WHERE merchant_key = ? AND NOT unknown_order "
                                + "AND delegation_id IS NOT NULL",
                        merchant.key()))
                .isEqualTo(1);
        var listed = Json.object(get("api/admin/scayle/cancellations?merchantKey=" + merchant.key(), admin())
                .body());
        assertThat(listed.getJsonArray("items").getJsonObject(0).getString("delegationReferenceKey"))
                .isEqualTo(reference);
        assertThat(Json.object(get(
                                        "api/admin/scayle/cancellations?merchantKey=" + merchant.key()
                                                + "&unknownOrder=true",
                                        admin())
                                .body())
                        .getInt("total"))
                .isZero();
    }

    @Test
    void cancellationOfAnUnknownOrderIsAnsweredRecordedAndFlagged() {
        var merchant = newMerchant();

        var response = cancel(merchant, cancellation("never-delegated", merchant.key(), "[7]"), "c");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"cancellationResult\":\"successful\"");
        assertThat(count(
                        "SELECT count(*) FROM scayle_cancellation WHERE merchant_key = ? AND unknown_order "
                                + "AND delegation_id IS NULL",
                        merchant.key()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scayle.cancellation.received' "
                                + "AND subject_key = ? AND detail->>'unknownOrder' = 'true'",
                        merchant.key() + "/never-delegated"))
                .isEqualTo(1);
        var flagged = Json.object(
                get("api/admin/scayle/cancellations?unknownOrder=true&merchantKey=" + merchant.key(), admin())
                        .body());
        assertThat(flagged.getInt("total")).isEqualTo(1);
        var item = flagged.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("orderReferenceKey")).isEqualTo("never-delegated");
        assertThat(item.getString("warehouseIds")).isEqualTo("[7]");
        assertThat(item.containsKey("delegationReferenceKey")).isFalse();
    }

    @Test
    void changedCancellationForTheSameIdentityIsFlaggedAsConflict() {
        var merchant = newMerchant();

        var first = cancel(merchant, cancellation("x-1", merchant.key(), "[1]"), "c-1");
        var changed =
                cancel(merchant, cancellation("x-1", merchant.key(), "[1]").replace("1000", "2000"), "c-2");

        assertThat(changed).isEqualTo(first);
        assertThat(count(
                        "SELECT count(*) FROM scayle_cancellation WHERE merchant_key = ? AND conflict", merchant.key()))
                .isEqualTo(1);
    }

    @Test
    void invalidOrForeignCancellationsAreRejected() {
        var merchant = newMerchant();
        var other = newMerchant();

        var missing = cancel(merchant, "{\"fulfillingMerchantKey\":\"" + merchant.key() + "\"}", "c");
        var badWarehouses = cancel(merchant, cancellation("r", merchant.key(), "\"all\""), "c");
        var foreign = cancel(merchant, cancellation("r", other.key(), "[]"), "c");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("'orderReferenceKey' is required");
        assertThat(badWarehouses.status()).isEqualTo(400);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(count(
                        "SELECT count(*) FROM scayle_cancellation WHERE merchant_key IN (?, ?)",
                        merchant.key(),
                        other.key()))
                .isZero();
    }
}
