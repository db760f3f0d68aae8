package io.ordergate.fulfilment.boundary;

import io.ordergate.platform.boundary.AdminApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Admin API: the feed's push, its signing secret (shown once) and where it stands. */
@AdminApi
@Path("admin/fulfilment/webhook")
@Produces(MediaType.APPLICATION_JSON)
public class FulfilmentWebhookAdminResource {

    @Inject
    FeedWebhook webhook;

    @Context
    SecurityContext security;

    @GET
    public WebhookStatus status() {
        return webhook.status();
    }

    /** 201 with a new signing secret, shown this once; the one before it signs for the rotation grace. */
    @POST
    @Path("secret")
    public Response rotate() {
        return Response.status(201)
                .entity(webhook.rotate(security.getUserPrincipal().getName()))
                .build();
    }
}
