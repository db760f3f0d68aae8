package io.ordergate.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The admin API's one door, decided by what JAX-RS actually routes to rather than by how the
 * request spelled its path: every resource method of a class whose {@code @Path} lies under
 * {@code admin} gets a filter that lets the request through only when the authentication
 * mechanism checked HTTP Basic credentials on this very request (and said so in
 * {@link #BASIC_AUTHENTICATED}). A console session, or no caller at all, never reaches an admin
 * resource, however the path is re-spelled; the role checks on the facades stay as a second line.
 */
@Provider
public class AdminApiDoor implements DynamicFeature {

    /** Request attribute the authentication mechanism sets after it accepted Basic credentials. */
    public static final String BASIC_AUTHENTICATED = AdminApiDoor.class.getName() + ".basic";

    /** The challenge of the admin API, here and in the authentication mechanism. */
    public static final String CHALLENGE = "Basic realm=\"OrderGate admin\", charset=\"UTF-8\"";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (isAdmin(resource.getResourceClass())) {
            context.register(Guard.class);
        }
    }

    /** Whether a resource class serves {@code /api/admin} (its {@code @Path} is {@code admin} or below it). */
    public static boolean isAdmin(Class<?> resourceClass) {
        var path = resourceClass.getAnnotation(Path.class);
        if (path == null) {
            return false;
        }
        var value = path.value().replaceAll("^/+", "");
        return value.equals("admin") || value.startsWith("admin/");
    }

    /** Refuses an admin request that was not authenticated with Basic credentials on its way in. */
    @Priority(Priorities.AUTHENTICATION)
    public static class Guard implements ContainerRequestFilter {

        @Context
        HttpServletRequest servletRequest;

        @Override
        public void filter(ContainerRequestContext request) {
            if (!Boolean.TRUE.equals(servletRequest.getAttribute(BASIC_AUTHENTICATED))) {
                request.abortWith(new Problem(401, "Unauthorized", "Valid HTTP Basic credentials are required.")
                        .toResponse(Map.of("WWW-Authenticate", CHALLENGE)));
            }
        }
    }
}
