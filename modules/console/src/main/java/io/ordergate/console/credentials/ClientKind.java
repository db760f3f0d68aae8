package io.ordergate.console.credentials;

import io.ordergate.console.ui.SecretDialog.Secret;
import io.ordergate.credentials.boundary.IssuedClient;
import io.ordergate.fulfilment.boundary.FulfilmentCaller;
import io.ordergate.fulfilment.boundary.FulfilmentClientCredentials;
import io.ordergate.platform.boundary.PublicUrl;
import io.ordergate.scalepoint.boundary.ScalepointEventsResource;
import io.ordergate.scalepoint.boundary.WebhookClientCredentials;
import java.io.Serializable;
import java.util.List;

/**
 * One kind of OAuth2 client that calls us ({@code client_credentials} at our token endpoint): the
 * platform it is issued under, its one scope, who holds it, and what its holder is shown once.
 *
 * @param id prefix of the element ids ({@code id + "s"} the panel, {@code id + "-grid"},
 *     {@code id + "-create"})
 * @param noun what one is called on the page ("webhook client")
 * @param holder who configures it and switches over after a rotation ("Scalepoint")
 * @param purpose the panel's first paragraph: who uses it for what
 */
record ClientKind(
        String platform,
        String scope,
        String id,
        String noun,
        String holder,
        String purpose,
        String handOver,
        Issued issued)
        implements Serializable {

    /** What the dialog shows of a client just issued, the secret among it. */
    @FunctionalInterface
    interface Issued extends Serializable {
        List<Secret> secrets(IssuedClient client, PublicUrl urls);
    }

    static ClientKind scalepointWebhook(PublicUrl urls) {
        return new ClientKind(
                ScalepointEventsResource.PLATFORM,
                WebhookClientCredentials.SCOPE,
                "webhook-client",
                "webhook client",
                "Scalepoint",
                "Scalepoint's Event API gets a token from " + urls.of("/oauth/token")
                        + " with one of these clients and then posts order events to "
                        + urls.of("/api/scalepoint/events") + ".",
                "Send these to Scalepoint for their Event API subscription (client_secret_basic or "
                        + "client_secret_post).",
                (client, at) -> {
                    var ready = WebhookClientCredentials.of(client, at);
                    return List.of(
                            new Secret("Token URL", "issued-token-url", ready.tokenUrl()),
                            new Secret("Webhook URL", "issued-webhook-url", ready.webhookUrl()),
                            new Secret("Client id", "issued-client-id", ready.clientId()),
                            new Secret("Client secret", "issued-client-secret", ready.clientSecret()),
                            new Secret("Scope", "issued-scope", ready.scope()));
                });
    }

    static ClientKind fulfilmentApi(PublicUrl urls) {
        return new ClientKind(
                FulfilmentCaller.PLATFORM,
                FulfilmentCaller.SCOPE,
                "fulfilment-client",
                "API client",
                "the warehouse system",
                "The merchant's warehouse system or ERP gets a token from " + urls.of("/oauth/token")
                        + " with one of these clients (scope " + FulfilmentCaller.SCOPE + ") and then calls the "
                        + "fulfilment API under " + urls.of("/api/fulfilment") + ": the order feed, stock levels, "
                        + "shipments, cancellations and returns.",
                "Configure these in the warehouse system or ERP (client_secret_basic or client_secret_post); "
                        + "it calls the fulfilment API with the token it gets.",
                (client, at) -> {
                    var ready = FulfilmentClientCredentials.of(client, at);
                    return List.of(
                            new Secret("Token URL", "issued-token-url", ready.tokenUrl()),
                            new Secret("Fulfilment API", "issued-api-url", at.of("/api/fulfilment")),
                            new Secret("Client id", "issued-client-id", ready.clientId()),
                            new Secret("Client secret", "issued-client-secret", ready.clientSecret()),
                            new Secret("Scope", "issued-scope", ready.scope()));
                });
    }
}
