package io.ordergate.scayle.control;

import static io.ordergate.platform.boundary.StrictJson.bad;
import static io.ordergate.platform.boundary.StrictJson.optionalLong;
import static io.ordergate.platform.boundary.StrictJson.optionalObject;
import static io.ordergate.platform.boundary.StrictJson.optionalString;
import static io.ordergate.platform.boundary.StrictJson.requiredString;

import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.StrictJson;
import io.ordergate.scayle.boundary.Address;
import io.ordergate.scayle.boundary.DelegationRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;

/** Validates an order delegation body against the SCAYLE contract (spec section 3). */
public final class DelegationParser {

    private DelegationParser() {}

    /** @throws ProblemException 400 naming the first thing the sender must fix */
    public static DelegationRequest parse(byte[] body) {
        var order = StrictJson.object(body);
        var referenceKey = requiredString(order, "referenceKey", "referenceKey");
        var merchantKey = requiredString(order, "fulfillingMerchantKey", "fulfillingMerchantKey");
        var itemsValue = order.get("items");
        if (itemsValue == null) {
            throw bad("'items' is required.");
        }
        if (!(itemsValue instanceof JsonArray itemsArray)) {
            throw bad("'items' must be an array.");
        }
        if (itemsArray.isEmpty()) {
            throw bad("'items' must contain at least one item.");
        }
        var items = new ArrayList<DelegationRequest.Item>(itemsArray.size());
        var seen = new HashSet<String>();
        for (int i = 0; i < itemsArray.size(); i++) {
            var path = "items[" + i + "]";
            if (!(itemsArray.get(i) instanceof JsonObject item)) {
                throw bad("'" + path + "' must be an object.");
            }
            var itemReference = requiredString(item, "referenceKey", path + ".referenceKey");
            if (!seen.add(itemReference)) {
                throw bad("'" + path + ".referenceKey' repeats '" + itemReference
                        + "': item reference keys must be unique within the order.");
            }
            items.add(new DelegationRequest.Item(
                    itemReference,
                    requiredString(item, "merchantKey", path + ".merchantKey"),
                    quantity(item, path + ".quantity"),
                    optionalLong(item, "orderItemId"),
                    optionalString(item, "merchantProductVariantReferenceKey"),
                    optionalString(item, "name"),
                    optionalString(item, "currencyCode"),
                    optionalLong(item, "price"),
                    optionalString(item, "warehouseReferenceKey")));
        }
        var customer = optionalObject(order, "customer");
        var addresses = optionalObject(order, "addresses");
        return new DelegationRequest(
                referenceKey,
                merchantKey,
                optionalString(order, "orderReferenceKey"),
                optionalLong(order, "orderId"),
                optionalLong(order, "id"),
                optionalLong(order, "companyId"),
                optionalLong(order, "shopId"),
                optionalString(order, "shopKey"),
                optionalString(order, "countryCode"),
                optionalString(order, "languageCode"),
                optionalString(order, "paymentMethod"),
                optionalString(optionalObject(order, "carrier"), "key"),
                optionalString(customer, "referenceKey"),
                optionalString(customer, "email"),
                optionalLong(optionalObject(order, "cost"), "withTax"),
                address(optionalObject(addresses, "billing")),
                address(optionalObject(addresses, "shipping")),
                items,
                Hashes.canonicalJsonSha256(order));
    }

    static int quantity(JsonObject item, String path) {
        var value = item.get(path.substring(path.lastIndexOf('.') + 1));
        if (value == null) {
            throw bad("'" + path + "' is required.");
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw bad("'" + path + "' must be a whole number.");
        }
        int quantity;
        try {
            quantity = number.bigIntegerValueExact().intValueExact();
        } catch (ArithmeticException e) {
            throw bad("'" + path + "' is out of range.");
        }
        if (quantity < 1) {
            throw bad("'" + path + "' must be at least 1.");
        }
        return quantity;
    }

    static Address address(JsonObject a) {
        if (a == null) {
            return null;
        }
        var street = optionalString(a, "street");
        if (street == null) {
            street = optionalString(a, "streetHouseNumber");
        }
        return new Address(
                optionalString(a, "firstName"),
                optionalString(a, "lastName"),
                street,
                optionalString(a, "houseNumber"),
                optionalString(a, "additional"),
                optionalString(a, "zipCode"),
                optionalString(a, "city"),
                optionalString(a, "countryCode"),
                optionalString(a, "phoneNumber"));
    }
}
