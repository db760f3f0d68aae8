package io.ordergate.scalepoint.boundary;

import java.time.Instant;
import java.util.List;

/**
 * The Scalepoint connection as staff see it; URLs are the effective ones (configured defaults
 * filled in). {@code authentication} is {@code private_key_jwt} or {@code client_secret}; a
 * client secret is never shown.
 */
public record ConnectionView(
        String clientId,
        List<String> scopes,
        String tenant,
        String country,
        String tokenUrl,
        String orderDataUrl,
        String eventApiUrl,
        String authentication,
        String activeCertificate,
        Instant updatedAt,
        String updatedBy) {}
