package io.ordergate.scalepoint.boundary;

import java.time.Instant;
import java.util.Map;

/**
 * What the warehouse did with a Scalepoint order, as the fulfilment module hands it over to be
 * published ({@link ScalepointPublications#reported}).
 *
 * @param cause the caller's reference, kept with the publication and named again in
 *     {@link PublicationSettled} (fulfilment: {@code ful_outbound:{id}})
 * @param key the warehouse's own key of the report (shipmentKey, cancellationKey, returnKey)
 * @param at when it shipped ({@code shippedAt}) or came back ({@code receivedAt}); null for a cancellation
 * @param lines units per Scalepoint {@code lineId}, in the report's order
 */
public record WarehouseReport(
        String cause,
        String orderToken,
        Kind kind,
        String key,
        String carrier,
        String trackingNumber,
        Instant at,
        String returnIdentCode,
        String reason,
        Map<String, Integer> lines) {

    public enum Kind {
        SHIPMENT,
        CANCELLATION,
        RETURN
    }
}
