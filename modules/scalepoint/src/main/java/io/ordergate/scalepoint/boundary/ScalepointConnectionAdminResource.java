package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/** Admin API: the connection to Scalepoint's Authorization Server, Order Data and Event API, and its test. */
@AdminApi
@Path("admin/scalepoint/connection")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointConnectionAdminResource {

    @Inject
    ScalepointConnection connection;

    @Context
    SecurityContext security;

    @GET
    public ConnectionView connection() {
        return connection
                .view()
                .orElseThrow(() -> new ProblemException(
                        404, "Not Found", "Scalepoint is not connected yet: PUT the connection first."));
    }

    /**
     * Body: {@code {"clientId", "scopes": [...], "tenant", "country"}}, optionally
     * {@code "tokenUrl"}, {@code "orderDataUrl"}, {@code "eventApiUrl"} (default: configuration)
     * and {@code "clientSecret"} (use client_secret instead of private_key_jwt).
     */
    @PUT
    public ConnectionView update(byte[] body) {
        var request = StrictJson.object(body);
        List<String> scopes = new ArrayList<>();
        var scopeValue = request.get("scopes");
        if (scopeValue instanceof JsonArray array) {
            for (var scope : array) {
                if (!(scope instanceof JsonString string)) {
                    throw StrictJson.bad("'scopes' must be an array of strings.");
                }
                scopes.add(string.getString());
            }
        } else if (scopeValue != null && scopeValue.getValueType() != JsonValue.ValueType.NULL) {
            throw StrictJson.bad("'scopes' must be an array of strings.");
        }
        return connection.update(
                new ConnectionRequest(
                        StrictJson.requiredString(request, "clientId", "clientId"),
                        scopes,
                        StrictJson.requiredString(request, "tenant", "tenant"),
                        StrictJson.requiredString(request, "country", "country"),
                        optional(request, "tokenUrl"),
                        optional(request, "orderDataUrl"),
                        optional(request, "eventApiUrl"),
                        optional(request, "clientSecret")),
                actor());
    }

    /** Asks Scalepoint for a token with the current settings: 200 with {@code ok} and the exact error if any. */
    @POST
    @Path("test")
    public ConnectionTest test() {
        return connection.test(actor());
    }

    /** A string member, or null when it is absent or null; anything else is a bad request. */
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
