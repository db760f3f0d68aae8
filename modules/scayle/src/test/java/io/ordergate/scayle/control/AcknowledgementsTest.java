package io.ordergate.scayle.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {

    @Test
    void delegationAnswerIsTheSpecMappingFieldByField() {
        var order = DelegationParser.parse(DelegationParserTest.SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8));

        var body = new String(Acknowledgements.delegation(order, List.of(1, 0)), StandardCharsets.UTF_8);

        assertThat(body)
                .isEqualTo(
                        "{\"orderDelegationResult\":\"acknowledged\",\"referenceKey\":\"fa-10001-99110901\","
                                + "\"merchantReferenceKey\":\"acme\",\"items\":["
                                + "{\"referenceKey\":\"1968655\",\"merchantReferenceKey\":\"acme\",\"deliverableQuantity\":1},"
                                + "{\"referenceKey\":\"1968656\",\"merchantReferenceKey\":\"acme-wh\",\"deliverableQuantity\":0}]}");
    }

    @Test
    void beforeTheStockIsAskedEveryOrderedUnitIsPromised() {
        var order = DelegationParser.parse(DelegationParserTest.SPEC_EXAMPLE
                .replace(
                        "\"orderItemId\": 1968656, \"merchantKey\": \"acme-wh\", \"quantity\": 2",
                        "\"orderItemId\": 1968656, \"merchantKey\": \"acme-wh\", \"quantity\": 3")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(DeliverableQuantities.ordered(order)).containsExactly(1, 3);
        assertThat(DeliverableQuantities.orderId(order)).isEqualTo("scayle:acme:" + order.referenceKey());
    }

    @Test
    void cancellationAnswerEchoesTheOrderReference() {
        var request = CancellationParser.parse(
                "{\"orderReferenceKey\":\"fa-1\",\"fulfillingMerchantKey\":\"acme\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(Acknowledgements.cancellation(request), StandardCharsets.UTF_8))
                .isEqualTo("{\"orderReferenceKey\":\"fa-1\",\"cancellationResult\":\"successful\"}");
    }
}
