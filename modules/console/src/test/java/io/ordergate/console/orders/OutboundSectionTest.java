package io.ordergate.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.fulfilment.boundary.OutboundCall;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboundSectionTest {

    static OutboundCall call(String lastError, String errors) {
        return new OutboundCall(7, "scayle", "shipment", "dead", Instant.EPOCH, 1, 400, lastError, errors, false, null);
    }

    @Test
    void scaylesErrorsReadAsKeyAndMessageEach() {
        var errors =
                "[{\"errorKey\":\"carrier_unknown\",\"message\":\"Carrier DHL is not configured.\",\"context\":{}},"
                        + "{\"errorKey\":\"item_unknown\",\"message\":\"No item 5.\"}]";
        assertThat(OutboundSection.error(call("400 carrier_unknown …", errors)))
                .isEqualTo("carrier_unknown: Carrier DHL is not configured.; item_unknown: No item 5.");
    }

    @Test
    void withoutErrorsTheLastErrorIsShownAndSomethingUnexpectedAsItIs() {
        assertThat(OutboundSection.error(call("Connection refused", null))).isEqualTo("Connection refused");
        assertThat(OutboundSection.error(call(null, null))).isEmpty();
        assertThat(OutboundSection.describe("{\"not\":\"an array\"}")).isEqualTo("{\"not\":\"an array\"}");
        assertThat(OutboundSection.describe("not json")).isEqualTo("not json");
        assertThat(OutboundSection.describe("[]")).isEqualTo("[]");
    }
}
