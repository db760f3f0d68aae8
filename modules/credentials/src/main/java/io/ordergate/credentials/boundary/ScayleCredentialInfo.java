package io.ordergate.credentials.boundary;

import java.time.Instant;

/** What may be shown about a SCAYLE merchant credential: never its secret. */
public record ScayleCredentialInfo(
        String username, String merchantKey, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {}
