package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.AdminApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admin API: long-poll mode, where the poller stands (cursor, lease holder, last error). */
@AdminApi
@Path("admin/scalepoint/poller")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointPollerAdminResource {

    @Inject
    ScalepointPoller poller;

    @GET
    public PollerStatus status() {
        return poller.status();
    }
}
