package io.ordergate.fulfilment.boundary;

import io.ordergate.idempotency.boundary.StoredResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/fulfilment/shipments}, {@code /cancellations} and {@code /returns} (fulfilment
 * spec §3): 201 with the report as stored and the order after it; the same key with the same body
 * gets the same answer, with another body 409; 404 unknown order; 422 naming the item. Behind
 * {@link FulfilmentApiDoor}.
 */
@Path("fulfilment")
@Produces(MediaType.APPLICATION_JSON)
public class FulfilmentReportsResource {

    @Inject
    Reports reports;

    @Context
    ContainerRequestContext request;

    @POST
    @Path("shipments")
    public Response shipment(byte[] body) {
        return answer(reports.report(ReportKind.SHIPMENT, body, caller()));
    }

    @POST
    @Path("cancellations")
    public Response cancellation(byte[] body) {
        return answer(reports.report(ReportKind.CANCELLATION, body, caller()));
    }

    @POST
    @Path("returns")
    public Response returned(byte[] body) {
        return answer(reports.report(ReportKind.RETURN, body, caller()));
    }

    static Response answer(StoredResponse stored) {
        return Response.status(stored.status())
                .entity(stored.body())
                .type(stored.contentType())
                .build();
    }

    FulfilmentCaller caller() {
        return (FulfilmentCaller) request.getProperty(FulfilmentApiDoor.CALLER);
    }
}
