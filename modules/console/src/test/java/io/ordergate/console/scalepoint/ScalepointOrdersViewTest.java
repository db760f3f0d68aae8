package io.ordergate.console.scalepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScalepointOrdersViewTest {

    static final LocalDate DAY = LocalDate.parse("2026-03-01");

    @Test
    void aRangeThatEndsBeforeItStartsIsExplainedInsteadOfListingNothing() {
        assertThat(ScalepointOrdersView.problem(DAY, DAY.minusDays(1), null))
                .isEqualTo("Created from (2026-03-01) is after created to (2026-02-28): no order can match.");
        assertThat(ScalepointOrdersView.problem(DAY, DAY, null)).as("one day").isNull();
        assertThat(ScalepointOrdersView.problem(null, DAY, "CH60158270")).isNull();
    }

    @Test
    void anOverlongCaseNumberIsRefused() {
        assertThat(ScalepointOrdersView.problem(null, null, "C".repeat(65)))
                .isEqualTo("A case number has at most 64 characters.");
        assertThat(ScalepointOrdersView.problem(null, null, " " + "C".repeat(64) + " ")).isNull();
    }

    @Test
    void theDeliveryColumnShowsWhatIsKnown() {
        assertThat(ScalepointOrdersView.join("Aarhus C", "DK")).isEqualTo("Aarhus C, DK");
        assertThat(ScalepointOrdersView.join(null, "DK")).isEqualTo("DK");
        assertThat(ScalepointOrdersView.join("Aarhus C", null)).isEqualTo("Aarhus C");
        assertThat(ScalepointOrdersView.join(null, null)).isEmpty();
    }
}
