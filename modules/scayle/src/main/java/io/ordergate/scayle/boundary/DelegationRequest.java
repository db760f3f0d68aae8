package io.ordergate.scayle.boundary;

import java.util.List;

/**
 * A validated order delegation. Required fields are guaranteed present; optional ones are null when
 * absent or not of the documented type (the raw body keeps them anyway).
 *
 * @param contentSha256 hash of the canonical JSON content, which decides replay versus conflict
 */
public record DelegationRequest(
        String referenceKey,
        String fulfillingMerchantKey,
        String orderReferenceKey,
        Long orderId,
        Long scayleId,
        Long companyId,
        Long shopId,
        String shopKey,
        String countryCode,
        String languageCode,
        String paymentMethod,
        String carrierKey,
        String customerReferenceKey,
        String customerEmail,
        Long totalWithTax,
        Address billing,
        Address shipping,
        List<Item> items,
        byte[] contentSha256) {

    public record Item(
            String referenceKey,
            String merchantKey,
            int quantity,
            Long orderItemId,
            String sku,
            String name,
            String currencyCode,
            Long price,
            String warehouseReferenceKey) {}

    /**
     * The id of the item at {@code position} in the stock, the fulfilment feed and the warehouse's
     * reports: SCAYLE's item reference, or {@code #position} for an item without one.
     */
    public String itemId(int position) {
        var reference = items.get(position).referenceKey();
        return reference == null ? "#" + position : reference;
    }

    /** The currency of the order, taken from its first item that names one. */
    public String currencyCode() {
        return items.stream()
                .map(Item::currencyCode)
                .filter(c -> c != null)
                .findFirst()
                .orElse(null);
    }
}
