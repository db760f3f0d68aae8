package io.ordergate.scalepoint.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Scalepoint's Event API. The event-type header's name is configuration (Scalepoint does not
 * publish it): the interface sends it as {@link #EVENT_TYPE_HEADER} and {@link EventTypeHeader}
 * renames it on the way out. Paths sit on the methods: a {@code @Path} on the type would make the
 * server take this client interface for one of its own resources.
 */
public interface EventApi {

    String EVENT_TYPE_HEADER = "X-OrderGate-Event-Type";

    @POST
    @Path("api/events/v1/{country}/external/{tenant}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    Response send(
            @PathParam("country") String country,
            @PathParam("tenant") String tenant,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(EVENT_TYPE_HEADER) String eventType,
            byte[] body);

    @GET
    @Path("api/events/v1/{country}/external/{tenant}/receive")
    Response receive(
            @PathParam("country") String country,
            @PathParam("tenant") String tenant,
            @QueryParam("lastEventId") String lastEventId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
