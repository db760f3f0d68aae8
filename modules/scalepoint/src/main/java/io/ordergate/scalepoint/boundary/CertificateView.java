package io.ordergate.scalepoint.boundary;

import java.time.Instant;

/**
 * A client certificate for {@code private_key_jwt}. {@code certificate} is the base64 DER that
 * Scalepoint needs; {@code thumbprint} (upper-case hex SHA-1) is the JWT {@code kid}, {@code x5t}
 * its base64url form. The private key never leaves the server.
 */
public record CertificateView(
        String thumbprint,
        String x5t,
        String certificate,
        String subject,
        Instant notBefore,
        Instant notAfter,
        String origin,
        boolean active,
        Instant createdAt,
        Instant retiredAt) {}
