package io.ordergate.scayle.boundary;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/** A delegation with everything staff need: items, addresses, what we answered, every attempt. */
public record DelegationDetail(
        String merchantKey,
        String referenceKey,
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
        Customer customer,
        Long totalWithTax,
        String currencyCode,
        DelegationStatus status,
        boolean conflict,
        Instant receivedAt,
        Instant cancelledAt,
        List<Item> items,
        Address billingAddress,
        Address shippingAddress,
        JsonValue acknowledgement,
        List<Attempt> attempts,
        List<CancellationView> cancellations) {

    public record Customer(String referenceKey, String email) {}

    public record Item(
            String referenceKey,
            String merchantKey,
            int quantity,
            int deliverableQuantity,
            Long orderItemId,
            String sku,
            String name,
            String currencyCode,
            Long price,
            String warehouseReferenceKey) {}

    /** @param kind delegation or cancellation */
    public record Attempt(
            long id,
            String kind,
            String requestId,
            Instant receivedAt,
            String payloadSha256,
            DeliveryOutcome outcome,
            int responseStatus) {}

    public record CancellationView(
            String orderReferenceKey, String warehouseIds, Instant receivedAt, boolean conflict) {}
}
