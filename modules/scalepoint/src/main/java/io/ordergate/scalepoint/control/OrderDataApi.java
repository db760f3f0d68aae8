package io.ordergate.scalepoint.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Scalepoint's Order Data API (MicroProfile Rest Client; built per base URL by {@link io.ordergate.platform.boundary.PartnerClients}). */
public interface OrderDataApi {

    @GET
    @Path("api/Orders")
    Response order(
            @QueryParam("ExternalId") String externalId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
