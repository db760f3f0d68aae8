package io.ordergate.scayle.boundary;

import io.ordergate.stock.boundary.StockPolicy;
import java.time.Instant;
import java.util.Map;

/**
 * A SCAYLE merchant's settings; {@code updatedAt} and {@code updatedBy} are null while the merchant
 * has the defaults.
 *
 * @param warehouses SCAYLE's warehouse ids (as text, the JSON object's names) to the
 *     {@code warehouseReferenceKey}s of the merchant's items; empty when none is mapped
 */
public record MerchantSettingsView(
        String merchantKey,
        StockPolicy stockPolicy,
        Map<String, String> warehouses,
        Instant updatedAt,
        String updatedBy) {}
