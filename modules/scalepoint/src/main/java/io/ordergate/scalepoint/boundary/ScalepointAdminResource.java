package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.credentials.boundary.IssuedClient;
import io.ordergate.credentials.boundary.WebhookClientInfo;
import io.ordergate.credentials.boundary.WebhookClients;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.QueryParams;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.PublicUrl;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Admin API for Scalepoint: the webhook clients we hand Scalepoint, the connection and certificates
 * we use to call Scalepoint, received events, orders with refresh, and events to publish.
 */
@AdminApi
@Path("admin/scalepoint")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointAdminResource {

    /** The scope a Scalepoint webhook client's tokens carry. */

    @Inject
    WebhookClients clients;

    @Inject
    ScalepointEvents events;

    @Inject
    ScalepointOrders orders;

    @Inject
    ScalepointPublications publications;

    @Inject
    ScalepointConnection connection;

    @Inject
    ScalepointStatus status;

    @Inject
    PublicUrl urls;

    @Context
    SecurityContext security;

    @POST
    @Path("webhook-clients")
    public Response createClient() {
        return Response.status(201).entity(view(clients.create(ScalepointEventsResource.PLATFORM,
                WebhookClientCredentials.SCOPE, actor()))).build();
    }

    @GET
    @Path("webhook-clients")
    public List<WebhookClientInfo> listClients() {
        return clients.list(ScalepointEventsResource.PLATFORM);
    }

    /** A new client; the old one keeps working for the rotation grace period. */
    @POST
    @Path("webhook-clients/{clientId}/rotate")
    public Response rotateClient(@PathParam("clientId") String clientId) {
        return Response.status(201).entity(view(clients.rotate(ScalepointEventsResource.PLATFORM, clientId,
                actor()))).build();
    }

    @DELETE
    @Path("webhook-clients/{clientId}")
    public Response revokeClient(@PathParam("clientId") String clientId) {
        clients.revoke(ScalepointEventsResource.PLATFORM, clientId, actor());
        return Response.noContent().build();
    }

    @GET
    @Path("events")
    public Page<ScalepointEvents.EventView> listEvents(@QueryParam("eventType") String eventType,
            @QueryParam("orderToken") String orderToken, @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        return events.list(eventType, orderToken, QueryParams.page(page, size));
    }

    @GET
    @Path("orders")
    public Page<ScalepointOrder> listOrders(@QueryParam("status") String status,
            @QueryParam("caseNumber") String caseNumber, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        return orders.list(status, caseNumber, QueryParams.instant("from", from), QueryParams.instant("to", to),
                QueryParams.page(page, size));
    }

    @GET
    @Path("orders/{orderToken}")
    public ScalepointOrderDetail order(@PathParam("orderToken") String orderToken) {
        return orders.detail(orderToken).orElseThrow(() -> new ProblemException(404, "Not Found",
                "There is no Scalepoint order '" + orderToken + "'."));
    }

    /** Queues a fetch of the order's Order Data; 202 with the job that does it. */
    @POST
    @Path("orders/{orderToken}/refresh")
    public Response refresh(@PathParam("orderToken") String orderToken) {
        return Response.accepted(orders.refresh(orderToken, actor())).build();
    }

    /** Body: {@code {"eventType": "order_status_changed", "payload": {...}}}; 202 with the queued publication. */
    @POST
    @Path("orders/{orderToken}/events")
    public Response publish(@PathParam("orderToken") String orderToken, byte[] body) {
        var request = StrictJson.object(body);
        var eventType = StrictJson.requiredString(request, "eventType", "eventType");
        var payload = request.get("payload");
        if (payload != null && !(payload instanceof JsonObject)) {
            throw StrictJson.bad("'payload' must be a JSON object.");
        }
        return Response.accepted(publications.publish(orderToken, eventType,
                payload == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) payload, actor())).build();
    }

    /** At a glance: receive mode, connection, circuit breaker, orders per status, the last fetch error. */
    @GET
    @Path("status")
    public ScalepointStatus.Status status() {
        return status.status();
    }

    /** Long-poll mode: where the poller stands (cursor, lease holder, last error). */
    @GET
    @Path("poller")
    public ScalepointEvents.PollerStatus poller() {
        return events.pollerStatus();
    }

    // ---- the connection to Scalepoint's Authorization Server, Order Data and Event API

    @GET
    @Path("connection")
    public ConnectionView connection() {
        return connection.view().orElseThrow(() -> new ProblemException(404, "Not Found",
                "Scalepoint is not connected yet: PUT the connection first."));
    }

    /**
     * Body: {@code {"clientId", "scopes": [...], "tenant", "country"}}, optionally
     * {@code "tokenUrl"}, {@code "orderDataUrl"}, {@code "eventApiUrl"} (default: configuration)
     * and {@code "clientSecret"} (use client_secret instead of private_key_jwt).
     */
    @PUT
    @Path("connection")
    public ConnectionView updateConnection(byte[] body) {
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
        return connection.update(new ScalepointConnection.ConnectionRequest(
                StrictJson.requiredString(request, "clientId", "clientId"), scopes,
                StrictJson.requiredString(request, "tenant", "tenant"),
                StrictJson.requiredString(request, "country", "country"), optional(request, "tokenUrl"),
                optional(request, "orderDataUrl"), optional(request, "eventApiUrl"),
                optional(request, "clientSecret")), actor());
    }

    /** Asks Scalepoint for a token with the current settings: 200 with {@code ok} and the exact error if any. */
    @POST
    @Path("connection/test")
    public ConnectionTest testConnection() {
        return connection.test(actor());
    }

    @GET
    @Path("connection/certificates")
    public List<CertificateView> certificates() {
        return connection.certificates();
    }

    /**
     * No body (or {@code {"commonName": "..."}}): generates a key pair and certificate. Body
     * {@code {"pkcs12": "<base64>", "password": "..."}}: stores an existing one. 201 with the
     * certificate to send to Scalepoint.
     */
    @POST
    @Path("connection/certificates")
    public Response addCertificate(byte[] body) {
        CertificateView created;
        if (body == null || body.length == 0) {
            created = connection.generate(null, actor());
        } else {
            var request = StrictJson.object(body);
            var pkcs12 = optional(request, "pkcs12");
            if (pkcs12 == null) {
                created = connection.generate(optional(request, "commonName"), actor());
            } else {
                byte[] file;
                try {
                    file = Base64.getMimeDecoder().decode(pkcs12);
                } catch (IllegalArgumentException e) {
                    throw StrictJson.bad("'pkcs12' must be the base64 of a PKCS#12 (.p12/.pfx) file.");
                }
                var password = optional(request, "password");
                created = connection.upload(file, password == null ? new char[0] : password.toCharArray(), actor());
            }
        }
        return Response.status(201).entity(created).build();
    }

    @POST
    @Path("connection/certificates/{thumbprint}/activate")
    public CertificateView activate(@PathParam("thumbprint") String thumbprint) {
        return connection.activate(thumbprint, actor());
    }

    /** Retires a certificate that is not active: its private key is wiped. */
    @DELETE
    @Path("connection/certificates/{thumbprint}")
    public CertificateView retire(@PathParam("thumbprint") String thumbprint) {
        return connection.retire(thumbprint, actor());
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

    WebhookClientCredentials view(IssuedClient issued) {
        return WebhookClientCredentials.of(issued, urls);
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }
}
