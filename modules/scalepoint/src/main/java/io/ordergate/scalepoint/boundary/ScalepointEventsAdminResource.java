package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Admin API: the events Scalepoint sent, by webhook or long poll. */
@AdminApi
@Path("admin/scalepoint/events")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointEventsAdminResource {

    @Inject
    ScalepointEvents events;

    /** Newest first; {@code eventType} and {@code orderToken} filter when given, {@code page} starts at 0. */
    @GET
    public Page<ScalepointEvents.EventView> list(
            @QueryParam("eventType") String eventType,
            @QueryParam("orderToken") String orderToken,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        return events.list(eventType, orderToken, QueryParams.page(page, size));
    }
}
