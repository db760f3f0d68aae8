package io.ordergate.scayle.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.scayle.boundary.DelegationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegationParserTest {

    /** The shared example delegation (fixtures/scayle-order-delegation.json) for merchant "acme". */
    static final String SPEC_EXAMPLE = example("fa-10001-99110901", "acme");

    /** The shared example delegation with its placeholders filled in. */
    static String example(String reference, String merchant) {
        try (var in = DelegationParserTest.class.getResourceAsStream("/fixtures/scayle-order-delegation.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{reference}}", reference)
                    .replace("{{merchant}}", merchant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DelegationRequest parse(String json) {
        return DelegationParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSpecExampleYieldsEveryQueryableField() {
        var order = parse(SPEC_EXAMPLE);

        assertThat(order.referenceKey()).isEqualTo("fa-10001-99110901");
        assertThat(order.orderReferenceKey()).isEqualTo("fa-10001-99110901-o");
        assertThat(order.fulfillingMerchantKey()).isEqualTo("acme");
        assertThat(order.orderId()).isEqualTo(99110901L);
        assertThat(order.scayleId()).isEqualTo(15174L);
        assertThat(order.companyId()).isEqualTo(1000L);
        assertThat(order.shopKey()).isEqualTo("fa");
        assertThat(order.countryCode()).isEqualTo("AT");
        assertThat(order.carrierKey()).isEqualTo("POST_AT");
        assertThat(order.customerEmail()).isEqualTo("jane@example.com");
        assertThat(order.currencyCode()).isEqualTo("EUR");
        assertThat(order.billing().city()).isEqualTo("Wien");
        assertThat(order.shipping().zipCode()).isEqualTo("1020");
        assertThat(order.items())
                .extracting(
                        DelegationRequest.Item::referenceKey,
                        DelegationRequest.Item::orderItemId,
                        DelegationRequest.Item::sku,
                        DelegationRequest.Item::quantity,
                        DelegationRequest.Item::merchantKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1968655", 1968655L, "SKU-1022643", 1, "acme"),
                        org.assertj.core.groups.Tuple.tuple("1968656", 1968656L, "SKU-738854", 2, "acme-wh"));
    }

    @Test
    void optionalFieldsOfUnexpectedShapeAreToleratedAndUnknownFieldsKept() {
        var order = parse("""
                {"referenceKey": "r", "fulfillingMerchantKey": "m", "customer": "just a string",
                 "addresses": [], "orderId": "not a number", "newThing": {"a": 1},
                 "items": [{"referenceKey": "i", "merchantKey": "m", "quantity": 2, "price": 1.5}]}
                """);

        assertThat(order.customerEmail()).isNull();
        assertThat(order.billing()).isNull();
        assertThat(order.orderId()).isNull();
        assertThat(order.items().get(0).price()).isNull();
        assertThat(order.items().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void contentHashIgnoresFormattingButNotContent() {
        var a = parse(SPEC_EXAMPLE);
        var b = parse(SPEC_EXAMPLE.replace("\n", "").replace(": ", ":"));
        var c = parse(SPEC_EXAMPLE.replace("\"price\": 9900", "\"price\": 9901"));

        assertThat(b.contentSha256()).isEqualTo(a.contentSha256());
        assertThat(c.contentSha256()).isNotEqualTo(a.contentSha256());
    }

    @Test
    void everyContractViolationIsA400NamingTheField() {
        for (var bad : List.of(
                List.of("{", "not well-formed JSON"),
                List.of("\"text\"", "must be a JSON object"),
                List.of("{\"fulfillingMerchantKey\":\"m\",\"items\":[{}]}", "'referenceKey' is required"),
                List.of("{\"referenceKey\":\" \",\"fulfillingMerchantKey\":\"m\"}", "'referenceKey' must not be empty"),
                List.of(
                        "{\"referenceKey\":\"r\",\"fulfillingMerchantKey\":null}",
                        "'fulfillingMerchantKey' is required"),
                List.of(
                        "{\"referenceKey\":\"r\",\"fulfillingMerchantKey\":\"m\",\"items\":[1]}",
                        "'items[0]' must be an object"),
                List.of(
                        "{\"referenceKey\":\"r\",\"fulfillingMerchantKey\":\"m\",\"items\":[{\"referenceKey\":\"i\","
                                + "\"merchantKey\":\"m\"}]}",
                        "'items[0].quantity' is required"),
                List.of(
                        "{\"referenceKey\":\"r\",\"fulfillingMerchantKey\":\"m\",\"items\":[{\"referenceKey\":\"i\","
                                + "\"merchantKey\":\"m\",\"quantity\":1.5}]}",
                        "must be a whole number"),
                List.of(
                        "{\"referenceKey\":\"r\",\"fulfillingMerchantKey\":\"m\",\"items\":[{\"referenceKey\":\"i\","
                                + "\"merchantKey\":\"m\",\"quantity\":-1}]}",
                        "must be at least 1"))) {
            assertThatThrownBy(() -> parse(bad.get(0)))
                    .as(bad.get(0))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().detail()).contains(bad.get(1));
                    });
        }
    }

    @Test
    void deeplyNestedJsonIsRejectedNotACrash() {
        var nested = "{\"referenceKey\":\"r\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThatThrownBy(() -> parse(nested))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(400));
    }
}
