package io.ordergate.scayle.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Admin API: the connection to SCAYLE's Admin API, its test, and the calls made through it per order. */
@AdminApi
@Path("admin/scayle/admin-api")
@Produces(MediaType.APPLICATION_JSON)
public class ScayleAdminApiResource {

    @Inject
    ScayleAdminApi adminApi;

    @Inject
    ScayleFulfilmentApi fulfilmentApi;

    @Context
    SecurityContext security;

    @GET
    public AdminApiConnectionView connection() {
        return adminApi.view()
                .orElseThrow(() -> new ProblemException(
                        404, "Not Found", "SCAYLE's Admin API is not connected yet: PUT the connection first."));
    }

    /** Body: {@code {"baseUrl", "accessToken", "companyId"?}}; {@code accessToken} may be left out to keep the stored one. */
    @PUT
    public AdminApiConnectionView update(byte[] body) {
        var request = StrictJson.object(body);
        return adminApi.update(
                StrictJson.requiredString(request, "baseUrl", "baseUrl"),
                optional(request, "accessToken"),
                optional(request, "companyId"),
                actor());
    }

    /** Reads an order's status with the stored connection: 200 {@code {"ok", "error"}}. */
    @POST
    @Path("test")
    public AdminApiTest test() {
        return adminApi.test(actor());
    }

    /** The calls made (or owed) for one SCAYLE order, with attempts, answers and SCAYLE's errors. */
    @GET
    @Path("calls")
    public List<AdminApiCall> calls(
            @QueryParam("merchantKey") String merchantKey, @QueryParam("referenceKey") String referenceKey) {
        if (merchantKey == null || merchantKey.isBlank() || referenceKey == null || referenceKey.isBlank()) {
            throw new ProblemException(400, "Bad Request", "'merchantKey' and 'referenceKey' are required.");
        }
        return fulfilmentApi.calls(merchantKey, referenceKey);
    }

    static String optional(JsonObject request, String name) {
        var value = request.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw StrictJson.bad("'" + name + "' must be a string.");
        }
        return string.getString();
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }
}
