package io.ordergate.scayle.boundary;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * What the connection test found: {@code ok}, or exactly what failed (not configured, the URL
 * refused, no answer, the token refused with 401/403).
 */
@JsonbNillable
public record AdminApiTest(boolean ok, String error) {}
