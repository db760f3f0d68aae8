package io.ordergate.console.stock;

import io.ordergate.console.ui.Grids;
import io.ordergate.platform.boundary.Page;
import io.ordergate.stock.boundary.Stock;
import io.ordergate.stock.boundary.StockReservation;

/** What order items hold now, by SKU and warehouse; filtered by an exact SKU and an exact order id. */
class ReservationsPanel extends Listing<StockReservation> {

    private static final long serialVersionUID = 1L;

    final Stock stock;
    final com.vaadin.flow.component.textfield.TextField sku = filter("SKU", "reservations-sku");
    final com.vaadin.flow.component.textfield.TextField order = filter("Order", "reservations-order");

    ReservationsPanel(Stock stock) {
        super(StockReservation.class, "reservations", "reservation");
        this.stock = stock;
        order.setHelperText("e.g. scayle:{merchant}:{reference}");
        grid.setEmptyStateText("No order holds stock that matches these filters.");
        grid.addColumn(StockReservation::orderId)
                .setHeader("Order")
                .setAutoWidth(true)
                .setTooltipGenerator(StockReservation::orderId);
        grid.addColumn(StockReservation::itemId).setHeader("Item").setAutoWidth(true);
        grid.addColumn(StockReservation::sku).setHeader("SKU").setAutoWidth(true);
        grid.addColumn(held -> warehouse(held.warehouse()))
                .setHeader("Warehouse")
                .setAutoWidth(true);
        grid.addColumn(StockReservation::quantity).setHeader("Units").setAutoWidth(true);
        Grids.time(grid, "Since", StockReservation::since);
        layOut(sku, order);
    }

    @Override
    Page<StockReservation> query(Page.Request page) {
        return stock.reservations(value(sku), value(order), page);
    }
}
