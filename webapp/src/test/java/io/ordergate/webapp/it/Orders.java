package io.ordergate.webapp.it;

import java.util.UUID;

/** Realistic SCAYLE delegation bodies, shaped like the example in shared/specs/scayle.md. */
public final class Orders {

    private Orders() {
    }

    public static String newReference() {
        return "fa-10001-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String delegation(String merchantKey, String referenceKey) {
        return delegation(merchantKey, referenceKey, "jane@example.com");
    }

    public static String delegation(String merchantKey, String referenceKey, String email) {
        return """
                {
                  "referenceKey": "%1$s",
                  "orderReferenceKey": "%1$s-o",
                  "orderId": 99110901,
                  "id": 15174,
                  "companyId": 1000, "shopId": 10001, "shopKey": "fa", "countryCode": "AT", "languageCode": "de_DE",
                  "fulfillingMerchantKey": "%2$s",
                  "paymentMethod": "paypal_instant",
                  "carrier": {"key": "POST_AT"},
                  "customer": {"referenceKey": "763", "email": "%3$s", "customData": []},
                  "addresses": {
                    "billing":  {"firstName": "Jane", "lastName": "Doe", "street": "Hauptstrasse", "houseNumber": "1",
                                 "zipCode": "1010", "city": "Wien", "countryCode": "AT", "collectionPoint": null},
                    "shipping": {"firstName": "Jane", "lastName": "Doe", "street": "Ring", "houseNumber": "2",
                                 "zipCode": "1020", "city": "Wien", "countryCode": "AT", "collectionPoint": null}
                  },
                  "someFutureField": {"kept": true},
                  "items": [
                    {"referenceKey": "1968655", "orderItemId": 1968655, "merchantKey": "%2$s", "quantity": 1,
                     "merchantProductVariantReferenceKey": "SKU-1022643", "name": "Sunglasses X",
                     "currencyCode": "EUR", "price": 9900, "priceWithoutTax": 8049, "tax": 23, "taxAmount": 1851,
                     "warehouseReferenceKey": "WH1"},
                    {"referenceKey": "1968656", "orderItemId": 1968656, "merchantKey": "%2$s-wh", "quantity": 2,
                     "merchantProductVariantReferenceKey": "SKU-738854", "name": "Aviator",
                     "currencyCode": "EUR", "price": 41890, "priceWithoutTax": 34057, "tax": 23, "taxAmount": 7833,
                     "warehouseReferenceKey": "WH1"}
                  ]
                }
                """.formatted(referenceKey, merchantKey, email);
    }
}
