package io.ordergate.scalepoint.boundary;

import io.ordergate.credentials.boundary.ClientsAdminResource;
import io.ordergate.credentials.boundary.IssuedClient;
import io.ordergate.platform.boundary.AdminApi;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admin API: the webhook clients we hand Scalepoint, with which its Event API calls our webhook. */
@AdminApi
@Path("admin/scalepoint/webhook-clients")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointWebhookClientsAdminResource extends ClientsAdminResource<WebhookClientCredentials> {

    @Override
    protected String platform() {
        return ScalepointEventsResource.PLATFORM;
    }

    @Override
    protected String scope() {
        return WebhookClientCredentials.SCOPE;
    }

    @Override
    protected WebhookClientCredentials view(IssuedClient issued) {
        return WebhookClientCredentials.of(issued, urls);
    }
}
