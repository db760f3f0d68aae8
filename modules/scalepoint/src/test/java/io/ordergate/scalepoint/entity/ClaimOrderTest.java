package io.ordergate.scalepoint.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.scalepoint.boundary.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimOrderTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    static ClaimOrder pending() {
        var order = new ClaimOrder();
        order.orderToken = "5e1c6f0e-8a5e-4a51-9a0b-0d2f7a4b1c3d";
        order.status = OrderStatus.PENDING;
        return order;
    }

    @Test
    void aFailedFetchBacksOffUntilTheQueueGivesUp() {
        var order = pending();
        order.fetchFailed(false, "Order Data answered 503", NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        order.fetchFailed(true, "Order Data answered 404", NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.DEAD);
        assertThat(order.lastError()).isEqualTo("Order Data answered 404");
    }

    @Test
    void anOrderWithOrderDataStaysFetchedWhenALaterFetchFails() {
        var order = pending();
        order.fetched(
                new ClaimOrder.Recognised(
                        "7001234",
                        "Created",
                        "DKK",
                        new BigDecimal("6999.00"),
                        1,
                        "Jens Hansen",
                        "Aarhus C",
                        "DK",
                        "jens@example.dk"),
                1,
                NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.FETCHED);
        order.fetchFailed(true, "Order Data answered 500", NOW.plusSeconds(60));
        assertThat(order.status()).isEqualTo(OrderStatus.FETCHED);
        assertThat(order.lastError()).isEqualTo("Order Data answered 500");
        assertThat(order.snapshotVersion()).isEqualTo(1);
        assertThat(order.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }
}
