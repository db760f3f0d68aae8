package io.ordergate.scayle.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.StrictJson;
import io.ordergate.stock.boundary.StockPolicy;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Admin API: a SCAYLE merchant's settings (fulfilment spec §4: the stock policy). */
@AdminApi
@Path("admin/scayle/merchants/{merchantKey}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class ScayleMerchantSettingsResource {

    @Inject
    ScayleMerchantSettings settings;

    @Context
    SecurityContext security;

    @GET
    public MerchantSettingsView get(@PathParam("merchantKey") String merchantKey) {
        return settings.get(merchantKey);
    }

    /** Body: {@code {"stockPolicy": "trust" | "strict"}}. */
    @PUT
    public MerchantSettingsView update(@PathParam("merchantKey") String merchantKey, byte[] body) {
        var request = StrictJson.object(body);
        var text = StrictJson.requiredString(request, "stockPolicy", "stockPolicy");
        // only the lower-case names the contract uses
        var policy = switch (text) {
            case "trust" -> StockPolicy.TRUST;
            case "strict" -> StockPolicy.STRICT;
            default ->
                throw new ProblemException(
                        400,
                        "Bad Request",
                        "'stockPolicy' must be trust or strict, not '" + StrictJson.safe(text) + "'.");
        };
        return settings.update(merchantKey, policy, security.getUserPrincipal().getName());
    }
}
