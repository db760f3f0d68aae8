package io.ordergate.fulfilment.boundary;

import io.ordergate.platform.boundary.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * {@code /api/fulfilment/feed} and {@code /api/fulfilment/orders/{orderId}} (fulfilment spec §2):
 * the order feed with long polling, and one order's current document. Behind {@link FulfilmentApiDoor}.
 */
@Path("fulfilment")
@Produces(MediaType.APPLICATION_JSON)
public class FulfilmentFeedResource {

    @Inject
    OrderFeed feed;

    @Context
    ContainerRequestContext request;

    /**
     * {@code after} a position (the start when left out), {@code limit} 1..500 (100), {@code wait}
     * an ISO-8601 duration up to PT60S (none): 200 {@code {"changes": [...], "next"}}.
     */
    @GET
    @Path("feed")
    public Response changes(
            @QueryParam("after") String after, @QueryParam("limit") String limit, @QueryParam("wait") String wait) {
        var page = feed.read(position(after), limit(limit), wait(wait), caller());
        // the documents are stored as served: written into the answer as they are
        var json = new StringBuilder(256 + page.changes().size() * 1024).append("{\"changes\":[");
        for (int i = 0; i < page.changes().size(); i++) {
            var change = page.changes().get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"position\":\"")
                    .append(change.position())
                    .append("\",\"kind\":\"")
                    .append(change.kind())
                    .append("\",\"order\":")
                    .append(change.document())
                    .append('}');
        }
        json.append("],\"next\":\"").append(page.next()).append("\"}");
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("orders/{orderId}")
    public Response order(@PathParam("orderId") String orderId) {
        return feed.document(orderId, caller())
                .map(document ->
                        Response.ok(document, MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> new ProblemException(404, "Not Found", "There is no order '" + orderId + "'."));
    }

    FulfilmentCaller caller() {
        return (FulfilmentCaller) request.getProperty(FulfilmentApiDoor.CALLER);
    }

    static long position(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long position = Long.parseLong(after);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw bad("'after' must be a position from this feed (a decimal integer, 0 or more).");
    }

    static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return 100;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= OrderFeed.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw bad("'limit' must be a whole number from 1 to " + OrderFeed.MAX_LIMIT + ".");
    }

    static Duration wait(String wait) {
        if (wait == null || wait.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            var duration = Duration.parse(wait);
            if (!duration.isNegative() && duration.compareTo(OrderFeed.MAX_WAIT) <= 0) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw bad("'wait' must be an ISO-8601 duration from PT0S to PT60S, such as PT30S.");
    }

    static ProblemException bad(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }
}
