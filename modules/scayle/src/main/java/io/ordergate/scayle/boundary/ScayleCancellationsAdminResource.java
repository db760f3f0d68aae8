package io.ordergate.scayle.boundary;

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

/** Admin API: the cancellations SCAYLE sent, including those for orders we never received. */
@AdminApi
@Path("admin/scayle/cancellations")
@Produces(MediaType.APPLICATION_JSON)
public class ScayleCancellationsAdminResource {

    @Inject
    ReceivedCancellations cancellations;

    /** Newest first; {@code unknownOrder=true} lists the ones flagged for staff. */
    @GET
    public Page<CancellationSummary> list(
            @QueryParam("merchantKey") String merchantKey,
            @QueryParam("unknownOrder") String unknownOrder,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        return cancellations.list(
                merchantKey, QueryParams.bool("unknownOrder", unknownOrder), QueryParams.page(page, size));
    }
}
