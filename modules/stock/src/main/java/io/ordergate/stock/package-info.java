/**
 * Stock: absolute levels per SKU and warehouse as the warehouse/ERP counts them, what orders have
 * reserved of them, and a journal of every change ({@code Stock}).
 *
 * <p>Below {@code scayle} and {@code scalepoint}: an order reserves in the transaction that accepts
 * it, so the platforms' modules call this one, never the other way round. Levels are changed by
 * bulk statements that lock rows in (sku, warehouse) order ({@code StockLevels}); a count older
 * than the one applied is ignored, so reports that arrive out of order cannot turn the clock back.
 * Staff upload levels as CSV ({@code StockCsv} reads the file into a per-line preview under the
 * same rules as the API's). Every statement that changes levels tells which SKUs it changed
 * ({@code StockChanged}, in its transaction: the scalepoint module publishes stock from it). Reads of levels, reservations and the journal are not audited: they
 * carry SKUs, counts and order ids, no customer's data; every change is journaled and audited.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.stock.boundary.Demand},
 * {@link io.ordergate.stock.boundary.Reporter},
 * {@link io.ordergate.stock.boundary.Stock},
 * {@link io.ordergate.stock.boundary.StockApplied},
 * {@link io.ordergate.stock.boundary.StockChange},
 * {@link io.ordergate.stock.boundary.StockChanged},
 * {@link io.ordergate.stock.boundary.StockCsv},
 * {@link io.ordergate.stock.boundary.StockLevelFilter},
 * {@link io.ordergate.stock.boundary.StockLevelView},
 * {@link io.ordergate.stock.boundary.StockPolicy},
 * {@link io.ordergate.stock.boundary.StockReport},
 * {@link io.ordergate.stock.boundary.StockReservation}
 * <li>Tables: {@code stock_level},
 * {@code stock_journal},
 * {@code stock_reservation}
 * <li>Depends on: platform, audit
 * <li>Publishes: {@link io.ordergate.stock.boundary.StockChanged}
 * <li>Observes: none
 * </ul>
 */
package io.ordergate.stock;
