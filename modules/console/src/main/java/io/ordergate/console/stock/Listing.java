package io.ordergate.console.stock;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.ordergate.console.ui.Paging;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import java.util.List;

/**
 * One of the Stock view's lists: filters above a lazy grid paged in the database, the number of
 * rows that match, and what is wrong with the filters (the facade's own words).
 */
abstract class Listing<T> extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final Grid<T> grid;
    final Span total = new Span();
    final Span problem = new Span();
    final HorizontalLayout filters = new HorizontalLayout();
    final String noun;

    Listing(Class<T> type, String id, String noun) {
        this.noun = noun;
        setId(id);
        setSizeFull();
        setPadding(false);
        grid = new Grid<>(type, false);
        grid.setId(id + "-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        total.setId(id + "-total");
        problem.setId(id + "-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        grid.setItems(
                query -> Paging.window(
                        query.getOffset(), query.getLimit(), page -> fetch(page).items()),
                query -> {
                    long count = fetch(new Page.Request(0, 1)).total();
                    total.setText(count(count, noun));
                    return (int) Math.min(Integer.MAX_VALUE, count);
                });
    }

    /** Lays out the filters, the count and the grid; call once the subclass added its columns. */
    void layOut(com.vaadin.flow.component.Component... fields) {
        filters.add(fields);
        filters.add(total, problem);
        add(filters, grid);
        expand(grid);
    }

    /** One page that matches the filters, from the facade. */
    abstract Page<T> query(Page.Request page);

    Page<T> fetch(Page.Request page) {
        try {
            problem.setText("");
            return query(page);
        } catch (ProblemException e) {
            problem.setText(e.problem().detail());
            return new Page<>(List.of(), 0);
        }
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** A text filter that refreshes the list a moment after typing stops. */
    TextField filter(String label, String id) {
        var field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(change -> refresh());
        return field;
    }

    static String value(TextField field) {
        var value = field.getValue();
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code 1 level}, {@code 2 levels}: {@code noun} in the singular. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A level's warehouse as shown: a level of the SKU as a whole has none. */
    static String warehouse(String warehouse) {
        return warehouse == null ? "(whole SKU)" : warehouse;
    }

    /** {@code 3 → 5}, or {@code → 5} when the change created the level. */
    static String change(Integer before, int after) {
        return (before == null ? "" : before + " ") + "→ " + after;
    }
}
