package io.ordergate.fulfilment.control;

import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.LowerCaseEnum;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

/** The order document of fulfilment spec §2, one shape for both platforms, as the feed and the API serve it. */
public final class OrderDocuments {

    private OrderDocuments() {}

    public static String document(FulfilmentOrder order, List<FulfilmentItem> items) {
        var out = new StringWriter(512);
        try (var json = Jsons.createGenerator(out)) {
            json.writeStartObject().write("orderId", order.orderId()).write("source", order.source());
            text(json, "merchantKey", order.merchantKey());
            json.write("reference", order.reference());
            text(json, "platformOrderId", order.platformOrderId());
            json.write("status", LowerCaseEnum.wire(order.status()))
                    .write("receivedAt", order.receivedAt().toString())
                    .write("version", order.version());
            text(json, "carrier", order.carrier());
            object(json, "shipTo", order.shipTo());
            object(json, "customer", order.customer());
            json.writeStartArray("items");
            for (var item : items) {
                json.writeStartObject().write("itemId", item.itemId());
                text(json, "sku", item.sku());
                text(json, "name", item.name());
                text(json, "warehouse", item.warehouse());
                json.write("ordered", item.ordered())
                        .write("deliverable", item.deliverable())
                        .write("shipped", item.shipped())
                        .write("cancelled", item.cancelled())
                        .write("returned", item.returned());
                if (item.unitPrice() == null) {
                    json.writeNull("unitPrice");
                } else {
                    json.write("unitPrice", item.unitPrice());
                }
                text(json, "currency", item.currency());
                json.writeEnd();
            }
            json.writeEnd().writeEnd();
        }
        return out.toString();
    }

    /** A JSON object from its members, nulls written as null (the document always has every field). */
    public static String object(String... namesAndValues) {
        var out = new StringWriter(128);
        try (var json = Jsons.createGenerator(out)) {
            json.writeStartObject();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                text(json, namesAndValues[i], namesAndValues[i + 1]);
            }
            json.writeEnd();
        }
        return out.toString();
    }

    static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    static void object(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
            return;
        }
        try (var reader = Jsons.createReader(new StringReader(value))) {
            JsonObject parsed = reader.readObject();
            json.write(name, parsed);
        }
    }
}
