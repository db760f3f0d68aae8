package io.ordergate.scayle.boundary;

import io.ordergate.stock.boundary.StockPolicy;
import java.time.Instant;

/**
 * A SCAYLE merchant's settings; {@code updatedAt} and {@code updatedBy} are null while the merchant
 * has the defaults.
 */
public record MerchantSettingsView(String merchantKey, StockPolicy stockPolicy, Instant updatedAt, String updatedBy) {}
