package io.ordergate.scayle.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.StrictJson;
import io.ordergate.stock.boundary.StockPolicy;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Body: {@code {"stockPolicy": "trust" | "strict", "warehouses": {"7": "WH1", ...}}}, either or
     * both; what is left out stays as it is. {@code warehouses} replaces the whole map ({@code {}}
     * empties it): SCAYLE's numeric warehouse ids to the merchant's warehouse reference keys.
     */
    @PUT
    public MerchantSettingsView update(@PathParam("merchantKey") String merchantKey, byte[] body) {
        var request = StrictJson.object(body);
        if (!request.containsKey("stockPolicy") && !request.containsKey("warehouses")) {
            throw StrictJson.bad("Send 'stockPolicy' (trust or strict), 'warehouses' (an object), or both.");
        }
        StockPolicy policy = null;
        if (request.containsKey("stockPolicy")) {
            var text = StrictJson.requiredString(request, "stockPolicy", "stockPolicy");
            // only the lower-case names the contract uses
            policy = switch (text) {
                case "trust" -> StockPolicy.TRUST;
                case "strict" -> StockPolicy.STRICT;
                default ->
                    throw StrictJson.bad("'stockPolicy' must be trust or strict, not '" + StrictJson.safe(text) + "'.");
            };
        }
        Map<Long, String> warehouses = null;
        if (request.containsKey("warehouses")) {
            if (!(request.get("warehouses") instanceof JsonObject map)) {
                throw StrictJson.bad(
                        "'warehouses' must be an object of SCAYLE warehouse ids to warehouse reference keys.");
            }
            warehouses = new TreeMap<>();
            for (var entry : map.entrySet()) {
                long id;
                try {
                    id = Long.parseLong(entry.getKey());
                } catch (NumberFormatException e) {
                    throw StrictJson.bad("'warehouses': '" + StrictJson.safe(entry.getKey())
                            + "' is not a SCAYLE warehouse id (a number).");
                }
                if (!(entry.getValue() instanceof JsonString reference)
                        || reference.getString().isBlank()
                        || reference.getString().length() > 128) {
                    throw StrictJson.bad("'warehouses." + entry.getKey()
                            + "' must be a warehouse reference key (1 to 128 characters).");
                }
                warehouses.put(id, reference.getString());
            }
        }
        return settings.update(
                merchantKey, policy, warehouses, security.getUserPrincipal().getName());
    }
}
