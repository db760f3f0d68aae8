package io.ordergate.credentials.boundary;

import io.ordergate.platform.boundary.PublicUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * The admin API of one platform's OAuth2 clients, the same for each: create (201, the secret shown
 * once), list (never a secret), rotate (201, the old client works for the rotation grace period),
 * revoke (204, at once). A subclass names the path, the platform, the scope and what the caller is
 * shown (the URLs it needs besides the secret).
 *
 * @param <V> what a new client's owner is shown once
 */
public abstract class ClientsAdminResource<V> {

    @Inject
    protected WebhookClients clients;

    @Inject
    protected PublicUrl urls;

    @Context
    protected SecurityContext security;

    /** The platform the clients are issued under (also their tokens' audience). */
    protected abstract String platform();

    protected abstract String scope();

    protected abstract V view(IssuedClient issued);

    @POST
    public Response create() {
        return Response.status(201)
                .entity(view(clients.create(platform(), scope(), actor())))
                .build();
    }

    @GET
    public List<WebhookClientInfo> list() {
        return clients.list(platform());
    }

    /** A new client; the old one keeps working for the rotation grace period. */
    @POST
    @Path("{clientId}/rotate")
    public Response rotate(@PathParam("clientId") String clientId) {
        return Response.status(201)
                .entity(view(clients.rotate(platform(), clientId, actor())))
                .build();
    }

    @DELETE
    @Path("{clientId}")
    public Response revoke(@PathParam("clientId") String clientId) {
        clients.revoke(platform(), clientId, actor());
        return Response.noContent().build();
    }

    protected String actor() {
        return security.getUserPrincipal().getName();
    }
}
