package io.ordergate.scayle.boundary;

import io.ordergate.audit.boundary.Reader;
import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.QueryParams;
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

/** Admin API: the delegations we received and what we answered. */
@AdminApi
@Path("admin/scayle/delegations")
@Produces(MediaType.APPLICATION_JSON)
public class ScayleDelegationsAdminResource {

    @Inject
    ReceivedDelegations delegations;

    @Context
    SecurityContext security;

    /**
     * Newest first; {@code from}/{@code to} are ISO-8601 instants, {@code q} an exact reference, order
     * reference, SKU or customer e-mail, {@code page} starts at 0.
     */
    @GET
    public Page<DelegationSummary> list(
            @QueryParam("merchantKey") String merchantKey,
            @QueryParam("referenceKey") String referenceKey,
            @QueryParam("status") String status,
            @QueryParam("conflict") String conflict,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        var conflicted = QueryParams.bool("conflict", conflict);
        var since = QueryParams.instant("from", from);
        var until = QueryParams.instant("to", to);
        var filter = new DelegationFilter(
                merchantKey, referenceKey, DelegationStatus.ofFilter(status), conflicted, since, until, text);
        return delegations.list(filter, QueryParams.page(page, size), reader());
    }

    @GET
    @Path("{merchantKey}/{referenceKey}")
    public DelegationDetail detail(
            @PathParam("merchantKey") String merchantKey, @PathParam("referenceKey") String referenceKey) {
        return delegations
                .detail(merchantKey, referenceKey, reader())
                .orElseThrow(() -> new ProblemException(
                        404, "Not Found", "No delegation '" + referenceKey + "' of merchant '" + merchantKey + "'."));
    }

    /** The body of one delivery attempt exactly as SCAYLE sent it. */
    @GET
    @Path("{merchantKey}/{referenceKey}/attempts/{attemptId}/payload")
    @Produces(MediaType.APPLICATION_JSON)
    public Response payload(
            @PathParam("merchantKey") String merchantKey,
            @PathParam("referenceKey") String referenceKey,
            @PathParam("attemptId") String attemptId) {
        long id;
        try {
            id = Long.parseLong(attemptId);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", "attemptId must be a number.");
        }
        var body = delegations
                .attemptBody(merchantKey, referenceKey, id, reader())
                .orElseThrow(() -> new ProblemException(
                        404,
                        "Not Found",
                        "Delegation '" + referenceKey + "' of merchant '" + merchantKey + "' has no attempt "
                                + attemptId + "."));
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    Reader reader() {
        return Reader.adminApi(security.getUserPrincipal().getName());
    }
}
