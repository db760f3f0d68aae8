package io.ordergate.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderViewTest {

    @Test
    void aShipToOrCustomerObjectReadsAsItsValuesInOrder() {
        assertThat(OrderView.flat("{\"name\":\"Jens Hansen\",\"street\":\"Vestergade 1\",\"zip\":\"8000\","
                        + "\"city\":\"Aarhus C\",\"country\":\"DK\",\"phone\":null}"))
                .isEqualTo("Jens Hansen, Vestergade 1, 8000, Aarhus C, DK");
        assertThat(OrderView.flat("{\"email\":\"a@example.com\",\"houseNumber\":12}"))
                .isEqualTo("a@example.com, 12");
    }

    @Test
    void nothingOrSomethingElseIsShownAsItIs() {
        assertThat(OrderView.flat(null)).isNull();
        assertThat(OrderView.flat("{}")).isNull();
        assertThat(OrderView.flat("[1,2]")).isEqualTo("[1,2]");
        assertThat(OrderView.flat("not json")).isEqualTo("not json");
    }
}
