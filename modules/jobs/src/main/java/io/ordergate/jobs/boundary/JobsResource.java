package io.ordergate.jobs.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.QueryParams;
import io.ordergate.platform.boundary.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
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

/** Admin API: the job queue. */
@AdminApi
@Path("admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Inject
    Jobs jobs;

    @Context
    SecurityContext security;

    /** {@code state}: pending, failing, running, succeeded or dead; most recently changed first. */
    @GET
    public Page<JobView> list(
            @QueryParam("state") String state,
            @QueryParam("type") String type,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        var request = QueryParams.page(page, size);
        return jobs.list(JobState.named(state), type, request);
    }

    @GET
    @Path("summary")
    public JobSummary summary(@QueryParam("type") String type) {
        return jobs.summary(type);
    }

    /** Body: {@code {"ids": [1, 2, 3]}}; each job is retried on its own, refusals come with the reason. */
    @POST
    @Path("retry")
    public RetryResult retryAll(byte[] body) {
        var request = StrictJson.object(body);
        if (!(request.get("ids") instanceof JsonArray array)
                || array.isEmpty()
                || array.size() > 1000
                || !array.stream().allMatch(v -> v instanceof JsonNumber n && n.isIntegral())) {
            throw StrictJson.bad("Send {\"ids\": [...]} with 1 to 1000 job ids.");
        }
        return jobs.retryAll(
                array.getValuesAs(JsonNumber.class).stream()
                        .map(JobsResource::id)
                        .toList(),
                security.getUserPrincipal().getName());
    }

    @GET
    @Path("{id}")
    public JobView job(@PathParam("id") String id) {
        return jobs.find(id(id))
                .orElseThrow(() -> new ProblemException(404, "Not Found", "There is no job " + id + "."));
    }

    @POST
    @Path("{id}/retry")
    public JobView retry(@PathParam("id") String id) {
        return jobs.retry(id(id), security.getUserPrincipal().getName());
    }

    /** An id beyond a long is refused, not wrapped round into some other job's id. */
    static long id(JsonNumber value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw StrictJson.bad("Job id " + value + " is out of range.");
        }
    }

    static long id(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(404, "Not Found", "There is no job " + value + ".");
        }
    }
}
