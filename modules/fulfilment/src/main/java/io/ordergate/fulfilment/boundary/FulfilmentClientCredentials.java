package io.ordergate.fulfilment.boundary;

import io.ordergate.credentials.boundary.IssuedClient;
import io.ordergate.platform.boundary.PublicUrl;

/** What the warehouse/ERP configures to call the fulfilment API: shown once. */
public record FulfilmentClientCredentials(String clientId, String clientSecret, String tokenUrl, String scope) {

    public static FulfilmentClientCredentials of(IssuedClient issued, PublicUrl urls) {
        return new FulfilmentClientCredentials(
                issued.clientId(), issued.clientSecret(), urls.of("/oauth/token"), issued.scope());
    }

    @Override
    public String toString() {
        return "FulfilmentClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
