package io.ordergate.scalepoint.boundary;

import io.ordergate.credentials.boundary.IssuedClient;
import io.ordergate.platform.boundary.PublicUrl;

/** What Scalepoint registers for its webhook to us: shown once. */
public record WebhookClientCredentials(
        String clientId, String clientSecret, String tokenUrl, String webhookUrl, String scope) {

    /** The scope our token endpoint grants Scalepoint's Event API for calling the webhook. */
    public static final String SCOPE = "ordergate.events";

    public static WebhookClientCredentials of(IssuedClient issued, PublicUrl urls) {
        return new WebhookClientCredentials(
                issued.clientId(),
                issued.clientSecret(),
                urls.of("/oauth/token"),
                urls.of("/api/scalepoint/events"),
                issued.scope());
    }

    @Override
    public String toString() {
        return "WebhookClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
