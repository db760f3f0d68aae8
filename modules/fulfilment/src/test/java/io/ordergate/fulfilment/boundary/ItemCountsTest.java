package io.ordergate.fulfilment.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemCountsTest {

    @Test
    void theUnitsOfEveryItemAddUpAndReadAsTheConsoleShowsThem() {
        var counts = ItemCounts.of(List.of(
                new ItemView(0, "a", "SKU-A", "Shirt", null, 1, 1, 1, 0, 0, 0),
                new ItemView(1, "b", "SKU-B", "Shoe", null, 2, 1, 0, 1, 0, 1)));
        assertThat(counts).isEqualTo(new ItemCounts(3, 2, 1, 1, 0, 1));
        assertThat(counts.text()).isEqualTo("3 ordered · 2 deliverable · 1 shipped · 1 cancelled · 0 returned");
        assertThat(ItemCounts.of(List.of())).isEqualTo(ItemCounts.NONE);
    }
}
