package io.ordergate.fulfilment.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.fulfilment.boundary.OrderFilter;
import io.ordergate.fulfilment.boundary.OrderState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderQueriesTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void noFilterMeansEveryOrder() {
        var parameters = new HashMap<String, Object>();
        assertThat(OrderQueries.where(OrderFilter.ANY, NOW, parameters)).isEmpty();
        assertThat(parameters).isEmpty();
    }

    @Test
    void filtersCombineAndTheirValuesAreParametersNeverText() {
        var parameters = new HashMap<String, Object>();
        var where = OrderQueries.where(
                new OrderFilter(OrderState.PARTIALLY_SHIPPED, "scayle", "m' OR 1=1", "SKU-1", true, null),
                NOW,
                parameters);
        assertThat(where)
                .startsWith(" WHERE ")
                .contains("o.status = :status", "o.source = :source", "o.merchantKey = :merchantKey")
                .contains("i.sku = :sku", "o.attention IS NOT NULL")
                .doesNotContain("m' OR 1=1");
        assertThat(parameters)
                .containsEntry("status", "partially_shipped")
                .containsEntry("merchantKey", "m' OR 1=1")
                .containsEntry("sku", "SKU-1");
    }

    @Test
    void notShippedAfterDaysMeansReceivedBeforeThenWithUnitsStillLeftToShip() {
        var parameters = new HashMap<String, Object>();
        var where = OrderQueries.where(new OrderFilter(null, null, null, null, null, 3), NOW, parameters);
        assertThat(where).contains("o.status IN :leftToShip AND o.receivedAt < :receivedBefore");
        assertThat(parameters)
                .containsEntry("receivedBefore", Instant.parse("2026-12-04T10:00:00Z"))
                .containsEntry("leftToShip", List.of("open", "partially_shipped"));
    }

    @Test
    void attentionFalseMeansOrdersNotFlagged() {
        assertThat(OrderQueries.where(new OrderFilter(null, null, null, null, false, null), NOW, new HashMap<>()))
                .isEqualTo(" WHERE o.attention IS NULL");
    }
}
