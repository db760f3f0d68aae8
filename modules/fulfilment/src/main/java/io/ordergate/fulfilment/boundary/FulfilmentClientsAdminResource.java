package io.ordergate.fulfilment.boundary;

import io.ordergate.credentials.boundary.ClientsAdminResource;
import io.ordergate.credentials.boundary.IssuedClient;
import io.ordergate.platform.boundary.AdminApi;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin API: the API clients of the warehouse/ERP ({@code client_credentials} at {@code /oauth/token},
 * scope {@code fulfilment}), with which it calls the fulfilment API.
 */
@AdminApi
@Path("admin/fulfilment/clients")
@Produces(MediaType.APPLICATION_JSON)
public class FulfilmentClientsAdminResource extends ClientsAdminResource<FulfilmentClientCredentials> {

    @Override
    protected String platform() {
        return FulfilmentCaller.PLATFORM;
    }

    @Override
    protected String scope() {
        return FulfilmentCaller.SCOPE;
    }

    @Override
    protected FulfilmentClientCredentials view(IssuedClient issued) {
        return FulfilmentClientCredentials.of(issued, urls);
    }
}
