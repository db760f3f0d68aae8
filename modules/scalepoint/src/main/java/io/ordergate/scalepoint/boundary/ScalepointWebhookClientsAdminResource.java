package io.ordergate.scalepoint.boundary;

import io.ordergate.credentials.boundary.IssuedClient;
import io.ordergate.credentials.boundary.WebhookClientInfo;
import io.ordergate.credentials.boundary.WebhookClients;
import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.PublicUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Admin API: the webhook clients we hand Scalepoint, with which its Event API calls our webhook. */
@AdminApi
@Path("admin/scalepoint/webhook-clients")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointWebhookClientsAdminResource {

    @Inject
    WebhookClients clients;

    @Inject
    PublicUrl urls;

    @Context
    SecurityContext security;

    @POST
    public Response create() {
        return Response.status(201)
                .entity(view(
                        clients.create(ScalepointEventsResource.PLATFORM, WebhookClientCredentials.SCOPE, actor())))
                .build();
    }

    @GET
    public List<WebhookClientInfo> list() {
        return clients.list(ScalepointEventsResource.PLATFORM);
    }

    /** A new client; the old one keeps working for the rotation grace period. */
    @POST
    @Path("{clientId}/rotate")
    public Response rotate(@PathParam("clientId") String clientId) {
        return Response.status(201)
                .entity(view(clients.rotate(ScalepointEventsResource.PLATFORM, clientId, actor())))
                .build();
    }

    @DELETE
    @Path("{clientId}")
    public Response revoke(@PathParam("clientId") String clientId) {
        clients.revoke(ScalepointEventsResource.PLATFORM, clientId, actor());
        return Response.noContent().build();
    }

    WebhookClientCredentials view(IssuedClient issued) {
        return WebhookClientCredentials.of(issued, urls);
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }
}
