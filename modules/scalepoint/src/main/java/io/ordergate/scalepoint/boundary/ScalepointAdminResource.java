package io.ordergate.scalepoint.boundary;

import io.ordergate.credentials.boundary.AdminApi;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.QueryParams;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Admin API for Scalepoint: received events, orders with refresh, events to publish, and the
 * long poller.
 */
@AdminApi
@Path("admin/scalepoint")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointAdminResource {

    @Inject
    ScalepointEvents events;

    @Inject
    ScalepointOrders orders;

    @Inject
    ScalepointPublications publications;

    @Context
    SecurityContext security;

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

    /** Long-poll mode: where the poller stands (cursor, lease holder, last error). */
    @GET
    @Path("poller")
    public ScalepointEvents.PollerStatus poller() {
        return events.pollerStatus();
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }
}
