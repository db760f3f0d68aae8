package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.AdminApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admin API: the Scalepoint integration at a glance. */
@AdminApi
@Path("admin/scalepoint/status")
@Produces(MediaType.APPLICATION_JSON)
public class ScalepointStatusAdminResource {

    @Inject
    ScalepointStatus status;

    /** Receive mode, connection, circuit breaker, orders per status, the last fetch error. */
    @GET
    public ScalepointStatus.Status status() {
        return status.status();
    }
}
