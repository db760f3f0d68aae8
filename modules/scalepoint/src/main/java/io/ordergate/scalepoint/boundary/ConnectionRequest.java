package io.ordergate.scalepoint.boundary;

import java.util.List;

/** What staff send to connect OrderGate to Scalepoint; null URLs use the configured defaults. */
public record ConnectionRequest(
        String clientId,
        List<String> scopes,
        String tenant,
        String country,
        String tokenUrl,
        String orderDataUrl,
        String eventApiUrl,
        String clientSecret) {

    @Override
    public String toString() {
        return "ConnectionRequest[clientId=" + clientId + ", scopes=" + scopes + ", clientSecret="
                + (clientSecret == null ? "none" : "***") + "]";
    }
}
