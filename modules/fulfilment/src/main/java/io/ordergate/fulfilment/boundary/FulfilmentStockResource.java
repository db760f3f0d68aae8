package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.QueryParams;
import io.ordergate.platform.boundary.StrictJson;
import io.ordergate.stock.boundary.Reporter;
import io.ordergate.stock.boundary.Stock;
import io.ordergate.stock.boundary.StockApplied;
import io.ordergate.stock.boundary.StockLevelFilter;
import io.ordergate.stock.boundary.StockLevelView;
import io.ordergate.stock.boundary.StockReport;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

/**
 * {@code /api/fulfilment/stock} (fulfilment spec §4): the warehouse/ERP reports absolute stock
 * levels and reads them back with what orders have reserved. Behind {@link FulfilmentApiDoor}.
 */
@Path("fulfilment/stock")
@Produces(MediaType.APPLICATION_JSON)
public class FulfilmentStockResource {

    @Inject
    Stock stock;

    @Context
    ContainerRequestContext request;

    /** Body: {@code {"asOf": instant, "levels": [{"sku", "warehouse"?, "onHand"}]}}; 200 with what was applied. */
    @PUT
    public StockApplied report(byte[] body) {
        var caller = caller();
        return stock.report(
                parse(StrictJson.object(body)),
                new Reporter(AuditEntry.ACTOR_SYSTEM, caller.clientId(), "fulfilment.stock.reported", caller.source()));
    }

    /**
     * Levels by SKU and warehouse; {@code sku} an exact SKU (all when left out). Not audited: see
     * {@link Stock#levels}.
     */
    @GET
    public Page<StockLevelView> levels(
            @QueryParam("sku") String sku,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        return stock.levels(
                StockLevelFilter.exact(sku == null || sku.isEmpty() ? null : sku), QueryParams.page(page, size));
    }

    FulfilmentCaller caller() {
        return (FulfilmentCaller) request.getProperty(FulfilmentApiDoor.CALLER);
    }

    /** The report as sent; the stock module checks what the values mean (lengths, duplicates, the clock). */
    static StockReport parse(JsonObject json) {
        var asOfText = StrictJson.requiredString(json, "asOf", "asOf");
        Instant asOf;
        try {
            asOf = Instant.parse(asOfText);
        } catch (DateTimeParseException e) {
            throw StrictJson.bad("'asOf' must be an ISO-8601 instant such as 2026-12-08T06:00:00Z.");
        }
        if (!(json.get("levels") instanceof JsonArray array)) {
            throw StrictJson.bad("'levels' is required: an array of {sku, warehouse, onHand}.");
        }
        var levels = new ArrayList<StockReport.Level>(Math.min(array.size(), Stock.MAX_LEVELS + 1));
        for (int i = 0; i < array.size(); i++) {
            var at = "levels[" + i + "]";
            if (!(array.get(i) instanceof JsonObject level)) {
                throw StrictJson.bad("'" + at + "' must be an object {sku, warehouse, onHand}.");
            }
            levels.add(new StockReport.Level(
                    StrictJson.requiredString(level, "sku", at + ".sku"),
                    optionalText(level, "warehouse", at + ".warehouse"),
                    quantity(level, "onHand", at + ".onHand")));
            if (levels.size() > Stock.MAX_LEVELS) {
                break; // the stock module says what the limit is
            }
        }
        return new StockReport(asOf, levels);
    }

    static String optionalText(JsonObject json, String name, String path) {
        var value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw StrictJson.bad("'" + path + "' must be a string or null.");
        }
        return text.getString();
    }

    static int quantity(JsonObject json, String name, String path) {
        if (!(json.get(name) instanceof JsonNumber number)) {
            throw StrictJson.bad("'" + path + "' is required: a whole number of units.");
        }
        try {
            return number.bigDecimalValue().intValueExact();
        } catch (ArithmeticException e) {
            throw StrictJson.bad("'" + path + "' must be a whole number of units (at most " + Integer.MAX_VALUE + ").");
        }
    }
}
