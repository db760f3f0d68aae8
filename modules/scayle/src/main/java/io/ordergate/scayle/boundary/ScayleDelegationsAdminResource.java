package io.ordergate.scayle.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.QueryParams;
import io.ordergate.platform.boundary.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** Admin API: the delegations we received and what we answered. */
@AdminApi
@Path("admin/scayle/delegations")
@Produces(MediaType.APPLICATION_JSON)
public class ScayleDelegationsAdminResource {

    @Inject
    Delegations delegations;

    @Inject
    AuditTrail audit;

    @Context
    SecurityContext security;

    /**
     * Newest first; {@code from}/{@code to} are ISO-8601 instants, {@code q} an exact reference, order
     * reference, SKU or customer e-mail, {@code page} starts at 0.
     */
    @GET
    public Page<DelegationSummary> list(@QueryParam("merchantKey") String merchantKey,
            @QueryParam("referenceKey") String referenceKey, @QueryParam("status") String status,
            @QueryParam("conflict") String conflict,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        var filter = new Delegations.Filter(merchantKey, referenceKey, status, QueryParams.bool("conflict", conflict),
                QueryParams.instant("from", from), QueryParams.instant("to", to), text);
        var result = delegations.list(filter, QueryParams.page(page, size));
        audit.record(AuditEntry.byUser(actor(), "scayle.delegations.listed", "scayle-delegations", null,
                Map.of("filter", filter.toString(), "total", String.valueOf(result.total()))));
        return result;
    }

    @GET
    @Path("{merchantKey}/{referenceKey}")
    public DelegationDetail detail(@PathParam("merchantKey") String merchantKey,
            @PathParam("referenceKey") String referenceKey) {
        var detail = delegations.detail(merchantKey, referenceKey).orElseThrow(() -> new ProblemException(404,
                "Not Found", "No delegation '" + referenceKey + "' of merchant '" + merchantKey + "'."));
        // Order details carry customer data: who looked at which order is part of the trail.
        audit.record(AuditEntry.byUser(actor(), "scayle.delegation.viewed", "scayle-order",
                merchantKey + "/" + referenceKey, Map.of()));
        return detail;
    }

    /** The body of one delivery attempt exactly as SCAYLE sent it. */
    @GET
    @Path("{merchantKey}/{referenceKey}/attempts/{attemptId}/payload")
    @Produces(MediaType.APPLICATION_JSON)
    public Response payload(@PathParam("merchantKey") String merchantKey,
            @PathParam("referenceKey") String referenceKey, @PathParam("attemptId") String attemptId) {
        long id;
        try {
            id = Long.parseLong(attemptId);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", "attemptId must be a number.");
        }
        var body = delegations.attemptBody(merchantKey, referenceKey, id).orElseThrow(() -> new ProblemException(
                404, "Not Found", "Delegation '" + referenceKey + "' of merchant '" + merchantKey + "' has no attempt "
                        + attemptId + "."));
        audit.record(AuditEntry.byUser(actor(), "scayle.delegation.payload-viewed", "scayle-order",
                merchantKey + "/" + referenceKey, Map.of("attemptId", attemptId)));
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    String actor() {
        return security.getUserPrincipal().getName();
    }
}
