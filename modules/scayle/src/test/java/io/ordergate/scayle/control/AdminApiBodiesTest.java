package io.ordergate.scayle.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.scayle.boundary.FulfilmentCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminApiBodiesTest {

    static final AdminApiBodies.Target TARGET =
            new AdminApiBodies.Target("fa", "AT", 99110901L, Map.of("1968655", 1968655L, "1968656", 1968656L));

    static final FulfilmentCall SHIPMENT = new FulfilmentCall(
            "ful_outbound:1",
            "shipment",
            "acme",
            "ref-1",
            "DHL",
            "T-1",
            null,
            Instant.parse("2026-12-08T09:00:00Z"),
            null,
            List.of(new FulfilmentCall.Item("1968655", "rk-a"), new FulfilmentCall.Item("1968656", "rk-b")));

    static final FulfilmentCall CANCELLATION = new FulfilmentCall(
            "ful_outbound:2",
            "cancellation",
            "acme",
            "ref-1",
            null,
            null,
            null,
            null,
            null,
            List.of(new FulfilmentCall.Item("1968656", null)));

    static final FulfilmentCall RETURN = new FulfilmentCall(
            "ful_outbound:3",
            "return",
            "acme",
            "ref-1",
            null,
            null,
            null,
            Instant.parse("2026-12-09T09:05:07Z"),
            "too small",
            List.of(new FulfilmentCall.Item("1968655", "rk-a")));

    static String body(FulfilmentCall call) {
        return new String(AdminApiBodies.body(call, TARGET), StandardCharsets.UTF_8);
    }

    @Test
    void aShipmentCarriesTheDelegationsIdsAndAReturnKeyPerItem() {
        assertThat(body(SHIPMENT))
                .isEqualTo("{\"shopKey\":\"fa\",\"countryCode\":\"AT\",\"orderId\":99110901,\"carrier\":\"DHL\","
                        + "\"deliveryDate\":\"2026-12-08T09:00:00Z\",\"shipmentKey\":\"T-1\","
                        + "\"merchantReferenceKey\":\"acme\",\"items\":[{\"orderItemId\":1968655,\"returnKey\":\"rk-a\"},"
                        + "{\"orderItemId\":1968656,\"returnKey\":\"rk-b\"}]}");
    }

    @Test
    void aCancellationAndAReturnHaveTheirOwnShapes() {
        assertThat(body(CANCELLATION))
                .isEqualTo("{\"shopKey\":\"fa\",\"countryCode\":\"AT\",\"orderId\":99110901,"
                        + "\"merchantReferenceKey\":\"acme\",\"items\":[{\"orderItemId\":1968656}]}");
        assertThat(body(RETURN))
                .isEqualTo(
                        "[{\"returnKey\":\"rk-a\",\"received\":\"2026-12-09 09:05:07\",\"returnReason\":\"too small\","
                                + "\"merchantReferenceKey\":\"acme\"}]");
    }

    @Test
    void anItemWithoutAnOrderItemIdCannotBeSent() {
        var target = new AdminApiBodies.Target("fa", "AT", 1L, Map.of("1968655", 1968655L));
        assertThatThrownBy(() -> AdminApiBodies.body(SHIPMENT, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1968656");
    }

    @Test
    void theOrderShowsWhetherACallReachedScayle() {
        var before =
                "{\"id\":99110901,\"items\":[{\"id\":1968655,\"status\":\"open\"},{\"id\":1968656,\"status\":\"open\"}],"
                        + "\"shipments\":[]}";
        var after = "{\"id\":99110901,\"items\":[{\"id\":1968655,\"status\":\"returned\",\"returnKey\":\"rk-a\"},"
                + "{\"id\":1968656,\"status\":\"cancelled\"}],\"shipments\":[{\"shipmentKey\":\"T-1\"}]}";
        for (var call : List.of(SHIPMENT, CANCELLATION, RETURN)) {
            assertThat(AdminApiBodies.present(before, call, TARGET))
                    .as(call.kind())
                    .contains(false);
            assertThat(AdminApiBodies.present(after, call, TARGET))
                    .as(call.kind())
                    .contains(true);
        }
        assertThat(AdminApiBodies.present("[]", SHIPMENT, TARGET)).isEmpty();
        assertThat(AdminApiBodies.present("<html>", SHIPMENT, TARGET)).isEmpty();
    }

    @Test
    void scaylesErrorsAreKeptAndDescribed() {
        var errors = AdminApiBodies.errors(
                "{\"errors\":[{\"errorKey\":\"carrier_unknown\",\"message\":\"No such carrier.\",\"context\":{}}]}");
        assertThat(errors).contains("carrier_unknown");
        assertThat(AdminApiBodies.describe(errors)).isEqualTo("carrier_unknown: No such carrier.");
        assertThat(AdminApiBodies.errors("oops")).isNull();
    }
}
