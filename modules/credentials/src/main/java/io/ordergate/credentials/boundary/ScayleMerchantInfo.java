package io.ordergate.credentials.boundary;

import java.time.Instant;

/** A SCAYLE merchant OrderGate accepts orders for, and how many of its credentials work right now. */
public record ScayleMerchantInfo(String merchantKey, Instant createdAt, String createdBy, long activeCredentials) {}
