package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.Reader;
import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.QueryParams;
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

/** Admin API: Scalepoint orders, one order with its history, Order Data refreshes and events to publish. */
@AdminApi
@Path("admin/scalepoint/orders")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointOrdersAdminResource {

    @Inject
    ScalepointOrders orders;

    @Inject
    ScalepointPublications publications;

    @Context
    SecurityContext security;

    /** Newest first; {@code status} one of {@link OrderStatus}, {@code from}/{@code to} ISO-8601 instants. */
    @GET
    public Page<ScalepointOrder> list(
            @QueryParam("status") String status,
            @QueryParam("caseNumber") String caseNumber,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        var since = QueryParams.instant("from", from);
        var until = QueryParams.instant("to", to);
        var request = QueryParams.page(page, size);
        // the status is checked last, as it always was: a request with several mistakes names the same one
        return orders.list(new OrderFilter(OrderStatus.filter(status), caseNumber, since, until), request, reader());
    }

    /** The order with its history; the read is audited ({@code scalepoint.order.viewed}). */
    @GET
    @Path("{orderToken}")
    public ScalepointOrderDetail order(@PathParam("orderToken") String orderToken) {
        return orders.detail(orderToken, reader())
                .orElseThrow(() ->
                        new ProblemException(404, "Not Found", "There is no Scalepoint order '" + orderToken + "'."));
    }

    /** Queues a fetch of the order's Order Data; 202 with the job that does it. */
    @POST
    @Path("{orderToken}/refresh")
    public Response refresh(@PathParam("orderToken") String orderToken) {
        return Response.accepted(orders.refresh(orderToken, actor())).build();
    }

    /** Body: {@code {"eventType": "order_status_changed", "payload": {...}}}; 202 with the queued publication. */
    @POST
    @Path("{orderToken}/events")
    public Response publish(@PathParam("orderToken") String orderToken, byte[] body) {
        var request = StrictJson.object(body);
        var eventType = StrictJson.requiredString(request, "eventType", "eventType");
        var payload = request.get("payload");
        if (payload != null && !(payload instanceof JsonObject)) {
            throw StrictJson.bad("'payload' must be a JSON object.");
        }
        return Response.accepted(publications.publish(
                        orderToken,
                        eventType,
                        payload == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) payload,
                        actor()))
                .build();
    }

    Reader reader() {
        return Reader.adminApi(actor());
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }
}
