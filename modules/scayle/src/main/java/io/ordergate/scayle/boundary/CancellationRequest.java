package io.ordergate.scayle.boundary;

import java.util.List;

/**
 * A validated cancellation (spec section 6).
 *
 * @param merchantKey {@code fulfillingMerchantKey}, or {@code merchantKey} when only that is sent
 * @param warehouseIds sorted and without duplicates; empty when none were named
 */
public record CancellationRequest(
        String orderReferenceKey, String merchantKey, Long companyId, List<Long> warehouseIds, byte[] contentSha256) {

    /** The warehouses as a canonical JSON array, part of the cancellation's identity. */
    public String warehouseIdsJson() {
        return warehouseIds.toString().replace(" ", "");
    }
}
