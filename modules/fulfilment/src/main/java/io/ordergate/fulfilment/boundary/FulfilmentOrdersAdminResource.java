package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.Reader;
import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.QueryParams;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;

/**
 * Admin API: the orders of both platforms as the console's Orders view lists them, one order with its
 * timeline, and marking its attention flag handled (admin and staff; the facade enforces it).
 */
@AdminApi
@Path("admin/fulfilment/orders")
@Produces(MediaType.APPLICATION_JSON)
public class FulfilmentOrdersAdminResource {

    @Inject
    FulfilmentOrders orders;

    @Context
    SecurityContext security;

    /** Newest first ({@code sort=oldest} the other way); the filters as {@link OrderFilter} names them. */
    @GET
    public Page<OrderSummary> list(
            @QueryParam("status") String status,
            @QueryParam("platform") String platform,
            @QueryParam("merchant") String merchant,
            @QueryParam("sku") String sku,
            @QueryParam("attention") String attention,
            @QueryParam("notShippedAfter") String notShippedAfter,
            @QueryParam("sort") @DefaultValue("newest") String sort,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        var filter = new OrderFilter(
                state(status),
                blankToNull(platform),
                blankToNull(merchant),
                blankToNull(sku),
                QueryParams.bool("attention", attention),
                notShippedAfter == null ? null : QueryParams.number("notShippedAfter", notShippedAfter));
        return orders.list(filter, sorting(sort), QueryParams.page(page, size), reader());
    }

    /** The order with its items and timeline; the read is audited ({@code fulfilment.order.viewed}). */
    @GET
    @Path("{orderId}")
    public OrderDetail order(@PathParam("orderId") String orderId) {
        return orders.detail(orderId, reader())
                .orElseThrow(() -> new ProblemException(404, "Not Found", "There is no order '" + orderId + "'."));
    }

    /**
     * Body {@code {"note": "...", "seen": "the flag's text as read"}} ({@code seen} optional: when
     * given and the flag says something else now, 409); 200 with the handling kept.
     */
    @POST
    @Path("{orderId}/attention/handled")
    public AttentionHandled handled(@PathParam("orderId") String orderId, byte[] body) {
        var request = StrictJson.object(body);
        return orders.handleAttention(
                orderId,
                StrictJson.optionalString(request, "seen"),
                StrictJson.requiredString(request, "note", "note"),
                security.getUserPrincipal().getName());
    }

    static OrderState state(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(OrderState.values())
                .filter(s -> LowerCaseEnum.wire(s).equals(status))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        400,
                        "Bad Request",
                        "There is no status '" + status
                                + "'; the statuses are open, partially_shipped, shipped, cancelled."));
    }

    static OrderSort sorting(String sort) {
        return switch (sort) {
            case "newest" -> OrderSort.NEWEST;
            case "oldest" -> OrderSort.OLDEST;
            default ->
                throw new ProblemException(400, "Bad Request", "'sort' is newest or oldest, not '" + sort + "'.");
        };
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    Reader reader() {
        return Reader.adminApi(security.getUserPrincipal().getName());
    }
}
