package io.ordergate.console.stock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListingTest {

    @Test
    void aChangeReadsBeforeToAfterAndACreationOnlyItsValue() {
        assertThat(Listing.change(3, 5)).isEqualTo("3 → 5");
        assertThat(Listing.change(null, 7)).isEqualTo("→ 7");
    }

    @Test
    void countsAreSingularForOne() {
        assertThat(Listing.count(1, "level")).isEqualTo("1 level");
        assertThat(Listing.count(0, "level")).isEqualTo("0 levels");
        assertThat(Listing.count(2, "error")).isEqualTo("2 errors");
    }

    @Test
    void aLevelOfTheWholeSkuSaysSoInsteadOfAWarehouse() {
        assertThat(Listing.warehouse(null)).isEqualTo("(whole SKU)");
        assertThat(Listing.warehouse("WH1")).isEqualTo("WH1");
    }
}
