package io.ordergate.jobs.boundary;

import io.ordergate.credentials.boundary.AdminApi;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
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
    public Page<JobView> list(@QueryParam("state") String state, @QueryParam("type") String type,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        return jobs.list(state, type, new Page.Request(number("page", page), number("size", size)));
    }

    @GET
    @Path("{id}")
    public JobView job(@PathParam("id") String id) {
        return jobs.find(id(id)).orElseThrow(() -> new ProblemException(404, "Not Found",
                "There is no job " + id + "."));
    }

    @POST
    @Path("{id}/retry")
    public JobView retry(@PathParam("id") String id) {
        return jobs.retry(id(id), security.getUserPrincipal().getName());
    }

    static long id(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(404, "Not Found", "There is no job " + value + ".");
        }
    }

    static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", "'" + name + "' must be a whole number.");
        }
    }
}
