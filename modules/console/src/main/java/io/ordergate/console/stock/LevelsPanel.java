package io.ordergate.console.stock;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.IntegerField;
import io.ordergate.console.ui.Grids;
import io.ordergate.platform.boundary.Page;
import io.ordergate.stock.boundary.Stock;
import io.ordergate.stock.boundary.StockLevelFilter;
import io.ordergate.stock.boundary.StockLevelView;

/** Stock levels by SKU and warehouse, filtered by SKU (exact or its start) and low availability. */
class LevelsPanel extends Listing<StockLevelView> {

    private static final long serialVersionUID = 1L;

    final Stock stock;
    final com.vaadin.flow.component.textfield.TextField sku = filter("SKU", "levels-sku");
    final Checkbox prefix = new Checkbox("SKUs starting with it", true);
    final IntegerField availableAtMost = new IntegerField("Available at most");

    LevelsPanel(Stock stock) {
        super(StockLevelView.class, "levels", "level");
        this.stock = stock;
        prefix.setId("levels-prefix");
        prefix.addValueChangeListener(change -> refresh());
        availableAtMost.setId("levels-available");
        availableAtMost.setMin(0);
        availableAtMost.setClearButtonVisible(true);
        availableAtMost.setHelperText("low stock");
        availableAtMost.addValueChangeListener(change -> refresh());
        grid.setEmptyStateText("No stock level matches these filters.");
        grid.addColumn(StockLevelView::sku).setHeader("SKU").setAutoWidth(true);
        grid.addColumn(level -> warehouse(level.warehouse()))
                .setHeader("Warehouse")
                .setAutoWidth(true);
        grid.addColumn(StockLevelView::onHand).setHeader("On hand").setAutoWidth(true);
        grid.addColumn(StockLevelView::reserved).setHeader("Reserved").setAutoWidth(true);
        grid.addColumn(StockLevelView::available).setHeader("Available").setAutoWidth(true);
        Grids.time(grid, "As of", StockLevelView::asOf);
        layOut(sku, prefix, availableAtMost);
    }

    @Override
    Page<StockLevelView> query(Page.Request page) {
        if (availableAtMost.isInvalid()) {
            problem.setText("Available at most is a whole number, 0 or more.");
            return new Page<>(java.util.List.of(), 0);
        }
        return stock.levels(new StockLevelFilter(value(sku), prefix.getValue(), availableAtMost.getValue()), page);
    }
}
