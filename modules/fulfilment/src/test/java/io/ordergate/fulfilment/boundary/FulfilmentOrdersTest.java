package io.ordergate.fulfilment.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.platform.boundary.ProblemException;
import org.junit.jupiter.api.Test;

class FulfilmentOrdersTest {

    @Test
    void aFilterWithinItsLimitsPasses() {
        FulfilmentOrders.check(new OrderFilter(OrderState.OPEN, "scalepoint", "m", "SKU", true, 0));
        FulfilmentOrders.check(OrderFilter.ANY);
    }

    @Test
    void anUnknownPlatformALongTextOrAnImpossibleDayCountIsABadRequestThatSaysWhy() {
        assertThatThrownBy(() -> FulfilmentOrders.check(new OrderFilter(null, "amazon", null, null, null, null)))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("no platform 'amazon'");
        assertThatThrownBy(() -> FulfilmentOrders.check(new OrderFilter(null, null, null, "x".repeat(201), null, null)))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> FulfilmentOrders.check(new OrderFilter(null, null, null, null, null, -1)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e ->
                        assertThat(((ProblemException) e).problem().status()).isEqualTo(400))
                .hasMessageContaining("not -1");
    }
}
