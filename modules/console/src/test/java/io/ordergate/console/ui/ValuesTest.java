package io.ordergate.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void onlyThePartsThatSaySomethingAreJoined() {
        assertThat(Values.joined(", ", "Jens Hansen", null, " ", "Aarhus C")).isEqualTo("Jens Hansen, Aarhus C");
        assertThat(Values.joined(" ", "8000", "Aarhus C")).isEqualTo("8000 Aarhus C");
    }

    @Test
    void nothingToJoinIsNoValueSoTheFormShowsADash() {
        assertThat(Values.joined(", ", null, "", "  ")).isNull();
        assertThat(Values.joined(", ")).isNull();
    }
}
