package io.ordergate.scayle.boundary;

import io.ordergate.credentials.boundary.ScayleCaller;
import java.time.Instant;

/**
 * An authenticated webhook delivery whose body was read within the limit.
 *
 * @param headersJson the request headers as a JSON object, without Authorization and cookies
 */
public record Inbound(
        ScayleCaller caller, byte[] body, String requestId, String headersJson, String source, Instant receivedAt) {}
