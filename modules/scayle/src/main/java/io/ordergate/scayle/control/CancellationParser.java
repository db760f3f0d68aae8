package io.ordergate.scayle.control;

import static io.ordergate.platform.boundary.StrictJson.bad;
import static io.ordergate.platform.boundary.StrictJson.optionalLong;
import static io.ordergate.platform.boundary.StrictJson.requiredString;

import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.StrictJson;
import io.ordergate.scayle.boundary.CancellationRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.TreeSet;

/** Validates a cancellation body against the SCAYLE contract (spec section 6). */
public final class CancellationParser {

    private CancellationParser() {}

    /** @throws ProblemException 400 naming the first thing the sender must fix */
    public static CancellationRequest parse(byte[] body) {
        var request = StrictJson.object(body);
        var orderReferenceKey = requiredString(request, "orderReferenceKey", "orderReferenceKey");
        var merchantField = request.containsKey("fulfillingMerchantKey") || !request.containsKey("merchantKey")
                ? "fulfillingMerchantKey"
                : "merchantKey";
        var merchantKey = requiredString(request, merchantField, merchantField);
        var warehouses = new TreeSet<Long>();
        var value = request.get("warehouseIds");
        if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
            if (!(value instanceof JsonArray array)) {
                throw bad("'warehouseIds' must be an array of whole numbers.");
            }
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonNumber number) || !number.isIntegral()) {
                    throw bad("'warehouseIds[" + i + "]' must be a whole number.");
                }
                try {
                    warehouses.add(number.bigIntegerValueExact().longValueExact());
                } catch (ArithmeticException e) {
                    throw bad("'warehouseIds[" + i + "]' is out of range.");
                }
            }
        }
        // The warehouses are a set: [2,1] and [1,2] are the same cancellation.
        var normalized = Jsons.createObjectBuilder(request);
        if (!warehouses.isEmpty()) {
            normalized.add("warehouseIds", Jsons.createArrayBuilder(List.copyOf(warehouses)));
        }
        return new CancellationRequest(
                orderReferenceKey,
                merchantKey,
                optionalLong(request, "companyId"),
                List.copyOf(warehouses),
                Hashes.canonicalJsonSha256(normalized.build()));
    }
}
