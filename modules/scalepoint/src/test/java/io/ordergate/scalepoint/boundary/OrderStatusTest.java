package io.ordergate.scalepoint.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.platform.boundary.ProblemException;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void statusesKeepTheirLowerCaseWordsInOrder() {
        assertThat(OrderStatus.WIRE).containsExactly("pending", "fetched", "failed", "dead");
        assertThat(new OrderStatus.Json().adaptToJson(OrderStatus.DEAD)).isEqualTo("dead");
    }

    @Test
    void aStatusFilterIsOneOfTheWordsOrNothing() {
        assertThat(OrderStatus.filter("failed")).isEqualTo(OrderStatus.FAILED);
        assertThat(OrderStatus.filter(" ")).isNull();
        assertThat(OrderStatus.filter(null)).isNull();
        assertThatThrownBy(() -> OrderStatus.filter("FAILED"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().detail())
                                .isEqualTo("status must be one of [pending, fetched, failed, dead]."));
    }
}
