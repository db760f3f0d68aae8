package io.ordergate.credentials.boundary;

import java.time.Instant;

/** What may be shown about a credential: never its secret. */
public record CredentialInfo(String username, String merchantKey, Instant createdAt, Instant expiresAt,
        Instant revokedAt, boolean active) {
}
