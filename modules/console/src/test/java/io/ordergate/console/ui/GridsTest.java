package io.ordergate.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GridsTest {

    record Row(Instant at) {}

    @Test
    void aDetailTableIsCompactAndShowsAllItsRows() {
        var grid = Grids.detail(Row.class, "attempts");

        assertThat(grid.getId()).contains("attempts");
        assertThat(grid.getThemeNames()).containsExactly("compact");
        assertThat(grid.isAllRowsVisible()).isTrue();
        assertThat(grid.getColumns()).isEmpty();
    }

    @Test
    void aTimeColumnHasItsHeaderAndAutomaticWidth() {
        var grid = Grids.detail(Row.class, "attempts");

        var column = Grids.time(grid, "Received", Row::at);

        assertThat(grid.getColumns()).containsExactly(column);
        assertThat(column.getHeaderText()).isEqualTo("Received");
        assertThat(column.isAutoWidth()).isTrue();
    }
}
