package io.ordergate.credentials.boundary;

import java.time.Instant;

/** What may be shown about a webhook client: never its secret. */
public record WebhookClientInfo(
        String clientId,
        String platform,
        String scope,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        boolean active) {}
