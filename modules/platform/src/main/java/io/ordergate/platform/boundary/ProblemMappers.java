package io.ordergate.platform.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps every exception that reaches JAX-RS to problem+json; never a stack trace to a caller. */
public final class ProblemMappers {

    static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    @Provider
    public static class Problems implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return e.problem().toResponse(e.headers());
        }
    }

    /** JAX-RS's own errors: unknown path (404), wrong method (405), not acceptable (406) ... */
    @Provider
    public static class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            var status = e.getResponse().getStatusInfo();
            if (status.getStatusCode() >= 500) {
                return unexpected(e);
            }
            return new Problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()).toResponse();
        }
    }

    /** A facade's {@code @RolesAllowed} refused the caller: their role may not do this. */
    @Provider
    public static class AccessRefused implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return new Problem(403, "Forbidden", "Your role does not allow this.").toResponse();
        }
    }

    @Provider
    public static class Everything implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return unexpected(e);
        }
    }

    static Response unexpected(Throwable e) {
        if (Unavailable.isStorageFailure(e)) {
            LOG.log(Level.WARNING, "Storage unavailable: {0}", String.valueOf(e));
            var problem = Unavailable.problem();
            return problem.problem().toResponse(problem.headers());
        }
        var reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
        return new Problem(
                        500,
                        "Internal Server Error",
                        "An unexpected error occurred; quote reference " + reference + " to the operator.")
                .toResponse();
    }
}
