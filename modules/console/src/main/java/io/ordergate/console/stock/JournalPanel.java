package io.ordergate.console.stock;

import io.ordergate.console.ui.Grids;
import io.ordergate.platform.boundary.Page;
import io.ordergate.stock.boundary.Stock;
import io.ordergate.stock.boundary.StockChange;

/** Every change of a level, newest first; filtered by an exact SKU and an exact reference (an order). */
class JournalPanel extends Listing<StockChange> {

    private static final long serialVersionUID = 1L;

    final Stock stock;
    final com.vaadin.flow.component.textfield.TextField sku = filter("SKU", "journal-sku");
    final com.vaadin.flow.component.textfield.TextField reference = filter("Reference", "journal-reference");

    JournalPanel(Stock stock) {
        super(StockChange.class, "journal", "change");
        this.stock = stock;
        reference.setHelperText("an order id");
        grid.setEmptyStateText("No change of a stock level matches these filters.");
        Grids.time(grid, "When", StockChange::occurredAt);
        grid.addColumn(StockChange::sku).setHeader("SKU").setAutoWidth(true);
        grid.addColumn(change -> warehouse(change.warehouse()))
                .setHeader("Warehouse")
                .setAutoWidth(true);
        grid.addColumn(StockChange::cause).setHeader("Cause").setAutoWidth(true);
        grid.addColumn(change -> change.actor() + " (" + change.actorType() + ")")
                .setHeader("Actor")
                .setAutoWidth(true);
        grid.addColumn(StockChange::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setTooltipGenerator(StockChange::reference);
        grid.addColumn(change -> change(change.onHandBefore(), change.onHandAfter()))
                .setHeader("On hand")
                .setAutoWidth(true);
        grid.addColumn(change -> change(change.reservedBefore(), change.reservedAfter()))
                .setHeader("Reserved")
                .setAutoWidth(true);
        layOut(sku, reference);
    }

    @Override
    Page<StockChange> query(Page.Request page) {
        return stock.journal(value(sku), value(reference), page);
    }
}
