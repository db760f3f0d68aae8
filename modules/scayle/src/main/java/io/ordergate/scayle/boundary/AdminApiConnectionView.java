package io.ordergate.scayle.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** The SCAYLE Admin API connection without its token: only whether one is set, and when it was changed. */
@JsonbNillable
public record AdminApiConnectionView(
        String baseUrl,
        String companyId,
        boolean accessTokenSet,
        Instant accessTokenChangedAt,
        Instant updatedAt,
        String updatedBy) {}
