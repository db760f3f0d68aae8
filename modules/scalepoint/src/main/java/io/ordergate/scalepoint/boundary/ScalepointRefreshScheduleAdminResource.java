package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.AdminApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Admin API: the refresh schedule of open Scalepoint orders, and a tick run now. */
@AdminApi
@Path("admin/scalepoint/refresh-schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointRefreshScheduleAdminResource {

    @Inject
    OrderRefreshes refreshes;

    @Context
    SecurityContext security;

    /** The settings, how many orders are due, whether this node is paused by its circuit breaker. */
    @GET
    public OrderRefreshes.Schedule schedule() {
        return refreshes.schedule();
    }

    /** Runs a tick on this node now: what it took and queued, or why it skipped (audited). */
    @POST
    @Path("run")
    public RefreshTick run() {
        return refreshes.runNow(security.getUserPrincipal().getName());
    }
}
