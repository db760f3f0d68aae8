package io.ordergate.audit.boundary;

import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.QueryParams;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Admin API for auditors: the trail, one subject's history, exports, chain verification and checkpoints. */
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditSeals seals;

    @Inject
    AuditSearch search;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @GET
    public Page<AuditView> list(
            @BeanParam AuditFilterParams filter,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        return search.search(filter.filter(), QueryParams.page(page, size));
    }

    /** Everything about one subject, oldest first: e.g. {@code subjectType=scayle-order&subjectKey=acme/1001}. */
    @GET
    @Path("history")
    public List<AuditView> history(
            @QueryParam("subjectType") String subjectType, @QueryParam("subjectKey") String subjectKey) {
        if (subjectType == null || subjectType.isBlank() || subjectKey == null || subjectKey.isBlank()) {
            throw new ProblemException(400, "Bad Request", "subjectType and subjectKey are required.");
        }
        return search.history(subjectType, subjectKey);
    }

    /** The filtered trail as a download: {@code format=csv} (default) or {@code json}; audited. */
    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(
            @QueryParam("format") @DefaultValue("csv") String format, @BeanParam AuditFilterParams params) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ProblemException(400, "Bad Request", "format must be csv or json.");
        }
        var filter = params.filter();
        var user = security.getUserPrincipal().getName();
        StreamingOutput body = out -> search.export(filter, format, out, user);
        var name = "ordergate-audit-"
                + DateTimeFormatter.ISO_INSTANT
                        .format(clock.instant().truncatedTo(ChronoUnit.SECONDS))
                        .replace(":", "") + "." + format;
        return Response.ok(body, format.equals("csv") ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /**
     * Recomputes the chain: 200 with "intact" and how far it is verified, or where it breaks. The
     * body may be a checkpoint issued earlier: then the chain must also still reach it.
     */
    @POST
    @Path("verify")
    public AuditVerification verify(byte[] body) {
        var checkpoint = body == null || body.length == 0 ? null : checkpoint(StrictJson.object(body));
        return seals.verify(security.getUserPrincipal().getName(), checkpoint);
    }

    /** A signed checkpoint of the verified chain's head, to keep outside the database; 409 when broken. */
    @POST
    @Path("checkpoint")
    public AuditCheckpoint checkpoint() {
        return seals.checkpoint(security.getUserPrincipal().getName());
    }

    static AuditCheckpoint checkpoint(JsonObject json) {
        var sealSeq = StrictJson.optionalLong(json, "sealSeq");
        var auditId = StrictJson.optionalLong(json, "auditId");
        if (sealSeq == null || auditId == null) {
            throw StrictJson.bad("A checkpoint needs sealSeq and auditId (numbers).");
        }
        return new AuditCheckpoint(
                StrictJson.requiredString(json, "format", "format"),
                sealSeq,
                auditId,
                StrictJson.requiredString(json, "headHash", "headHash"),
                StrictJson.requiredString(json, "issuedAt", "issuedAt"),
                StrictJson.requiredString(json, "mac", "mac"));
    }
}
