package io.ordergate.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.ordergate.fulfilment.boundary.OrderFilter;
import io.ordergate.fulfilment.boundary.OrderSort;
import io.ordergate.fulfilment.boundary.OrderState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrdersViewTest {

    @Test
    void aLinksFiltersAreTakenAsTheyAre() {
        var link = OrdersView.LinkFilters.parse(Map.of(
                "status", List.of("partially_shipped"),
                "platform", List.of("scalepoint"),
                "merchant", List.of(" m-1 "),
                "sku", List.of("SKU-1"),
                "attention", List.of("true"),
                "notShippedAfter", List.of("3")));
        assertThat(link)
                .isEqualTo(new OrdersView.LinkFilters(
                        "partially_shipped", "scalepoint", "m-1", "SKU-1", 3, true, List.of()));
    }

    @Test
    void whatALinkCannotMeanIsLeftOutAndSaid() {
        var link = OrdersView.LinkFilters.parse(Map.of(
                "status", List.of("lost"),
                "platform", List.of("amazon"),
                "notShippedAfter", List.of("three"),
                "sku", List.of("x".repeat(201))));
        assertThat(link.status()).isNull();
        assertThat(link.platform()).isNull();
        assertThat(link.notShippedAfter()).isNull();
        assertThat(link.sku()).isNull();
        assertThat(String.join(" ", link.problems()))
                .contains("There is no status 'lost'", "open, partially_shipped, shipped, cancelled")
                .contains("There is no platform 'amazon'")
                .contains("'notShippedAfter' in the link is not a number of days from 0 to 3650: 'three'")
                .contains("'sku' in the link is longer than 200 characters");
        assertThat(OrdersView.LinkFilters.parse(Map.of("notShippedAfter", List.of("-1")))
                        .problems())
                .hasSize(1);
    }

    @Test
    void theFiltersBecomeTheLinkThatOpensThemAgain() {
        var filter = new OrderFilter(OrderState.OPEN, "scayle", "m-1", "SKU-1", true, 5);
        var parameters = OrdersView.parameters(filter);
        assertThat(parameters)
                .containsExactly(
                        Map.entry("status", "open"),
                        Map.entry("platform", "scayle"),
                        Map.entry("merchant", "m-1"),
                        Map.entry("sku", "SKU-1"),
                        Map.entry("attention", "true"),
                        Map.entry("notShippedAfter", "5"));
        var again = OrdersView.LinkFilters.parse(parameters.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        assertThat(again).isEqualTo(new OrdersView.LinkFilters("open", "scayle", "m-1", "SKU-1", 5, true, List.of()));
        assertThat(OrdersView.parameters(OrderFilter.ANY)).isEmpty();
    }

    @Test
    void aDayCountOutsideItsRangeOrNoNumberIsSaid() {
        assertThat(OrdersView.problem(false, null)).isNull();
        assertThat(OrdersView.problem(false, 0)).isNull();
        assertThat(OrdersView.problem(false, -2)).contains("not -2");
        assertThat(OrdersView.problem(true, null)).contains("a whole number of days");
    }

    @Test
    void theReceivedColumnSortsEitherWayNewestByDefault() {
        assertThat(OrdersView.sort(List.of())).isEqualTo(OrderSort.NEWEST);
        assertThat(OrdersView.sort(List.of(new QuerySortOrder("received", SortDirection.ASCENDING))))
                .isEqualTo(OrderSort.OLDEST);
        assertThat(OrdersView.sort(List.of(new QuerySortOrder("received", SortDirection.DESCENDING))))
                .isEqualTo(OrderSort.NEWEST);
    }

    @Test
    void onlyAFlaggedOrderIsMarked() {
        assertThat(OrdersView.marker(null)).isEmpty();
        assertThat(OrdersView.marker("SCAYLE cancelled after shipping")).contains("needs attention");
    }
}
