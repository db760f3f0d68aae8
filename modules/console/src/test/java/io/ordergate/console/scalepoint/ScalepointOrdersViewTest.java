package io.ordergate.console.scalepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
        assertThat(ScalepointOrdersView.problem(null, null, " " + "C".repeat(64) + " "))
                .isNull();
    }

    @Test
    void theDeliveryColumnShowsWhatIsKnown() {
        assertThat(ScalepointOrdersView.join("Aarhus C", "DK")).isEqualTo("Aarhus C, DK");
        assertThat(ScalepointOrdersView.join(null, "DK")).isEqualTo("DK");
        assertThat(ScalepointOrdersView.join("Aarhus C", null)).isEqualTo("Aarhus C");
        assertThat(ScalepointOrdersView.join(null, null)).isEmpty();
    }

    @Test
    void aLinkOpensTheListFilteredAndSaysWhatItCouldNotUse() {
        var link = ScalepointOrdersView.LinkFilters.parse(Map.of(
                "status",
                List.of("dead"),
                "caseNumber",
                List.of(" CH60158270 "),
                "from",
                List.of("2026-11-17"),
                "to",
                List.of("2026-11-23")));

        assertThat(link)
                .isEqualTo(new ScalepointOrdersView.LinkFilters(
                        "dead", "CH60158270", LocalDate.parse("2026-11-17"), LocalDate.parse("2026-11-23"), List.of()));

        var bad = ScalepointOrdersView.LinkFilters.parse(
                Map.of("status", List.of("bogus"), "from", List.of("17.11.2026"), "to", List.of("")));
        assertThat(bad.status()).isNull();
        assertThat(bad.from()).isNull();
        assertThat(bad.to()).isNull();
        assertThat(bad.problems())
                .containsExactly(
                        "There is no status 'bogus'; the statuses are pending, fetched, failed, dead. Showing all.",
                        "'from' in the link is not a date like 2026-03-01: '17.11.2026'; left out.");
        assertThat(ScalepointOrdersView.LinkFilters.parse(Map.of()))
                .isEqualTo(new ScalepointOrdersView.LinkFilters(null, null, null, null, List.of()));
    }
}
