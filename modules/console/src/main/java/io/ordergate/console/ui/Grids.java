package io.ordergate.console.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.function.ValueProvider;
import java.time.Instant;

/** The grids the console repeats: a detail page's tables, and columns of times. */
public final class Grids {

    private Grids() {}

    /**
     * A table on a detail page: compact, and as tall as its rows, so the page scrolls rather than
     * the table.
     */
    public static <T> Grid<T> detail(Class<T> type, String id) {
        var grid = new Grid<>(type, false);
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** A column of times in the browser's zone, with the UTC instant on hover. */
    public static <T> Grid.Column<T> time(Grid<T> grid, String header, ValueProvider<T, Instant> instant) {
        return grid.addColumn(row -> BrowserTime.format(instant.apply(row)))
                .setHeader(header)
                .setTooltipGenerator(row -> BrowserTime.utc(instant.apply(row)))
                .setAutoWidth(true);
    }
}
