package io.ordergate.scayle.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SCAYLE's Admin API (scayle.md §7), relative to the connection's base URL (e.g.
 * {@code https://{tenant}-{space}.admin.api.scayle.cloud/api/admin/v1}); a MicroProfile Rest
 * Client built per base URL by {@link io.ordergate.platform.boundary.PartnerClients}. A null
 * {@code X-Company-Id} is dropped by {@link OptionalHeaders}.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface AdminApiClient {

    String TOKEN = "X-Access-Token";
    String COMPANY = "X-Company-Id";

    @POST
    @Path("fulfillment/shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    Response shipments(@HeaderParam(TOKEN) String token, @HeaderParam(COMPANY) String companyId, byte[] body);

    @POST
    @Path("fulfillment/cancellations")
    @Consumes(MediaType.APPLICATION_JSON)
    Response cancellations(@HeaderParam(TOKEN) String token, @HeaderParam(COMPANY) String companyId, byte[] body);

    @POST
    @Path("fulfillment/return-items")
    @Consumes(MediaType.APPLICATION_JSON)
    Response returnItems(@HeaderParam(TOKEN) String token, @HeaderParam(COMPANY) String companyId, byte[] body);

    @GET
    @Path("shops/{shopKey}/countries/{countryCode}/orders/{orderId}")
    Response order(
            @HeaderParam(TOKEN) String token,
            @HeaderParam(COMPANY) String companyId,
            @PathParam("shopKey") String shopKey,
            @PathParam("countryCode") String countryCode,
            @PathParam("orderId") long orderId);

    @GET
    @Path("shops/{shopKey}/countries/{countryCode}/orders/{orderId}/status")
    Response status(
            @HeaderParam(TOKEN) String token,
            @HeaderParam(COMPANY) String companyId,
            @PathParam("shopKey") String shopKey,
            @PathParam("countryCode") String countryCode,
            @PathParam("orderId") long orderId);
}
