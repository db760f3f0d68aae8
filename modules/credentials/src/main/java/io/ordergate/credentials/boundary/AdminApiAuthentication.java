package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.Problem;
import io.ordergate.platform.boundary.Unavailable;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Map;

/**
 * Authenticates every {@link AdminApi} request with HTTP Basic against the user store and requires
 * the {@code admin} role; rejections are audited and answered with problem+json.
 */
@Provider
@AdminApi
@Priority(Priorities.AUTHENTICATION)
public class AdminApiAuthentication implements ContainerRequestFilter {

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        var source = servletRequest.getRemoteAddr();
        AuthenticatedUser user;
        try {
            user = users.authenticateBasic(request.getHeaderString(HttpHeaders.AUTHORIZATION), source);
        } catch (AuthenticationFailed e) {
            reject(request, source, e.username(), e.reason(), e.problem().toResponse(e.headers()));
            return;
        } catch (RuntimeException e) {
            if (Unavailable.isStorageFailure(e)) {
                var problem = Unavailable.problem();
                request.abortWith(problem.problem().toResponse(problem.headers()));
                return;
            }
            throw e;
        }
        if (!user.hasRole(AuthenticatedUser.ADMIN)) {
            reject(request, source, user.username(), "not-admin",
                    new Problem(403, "Forbidden", "The admin API requires the admin role.").toResponse());
            return;
        }
        var secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user::username;
            }

            @Override
            public boolean isUserInRole(String role) {
                return user.hasRole(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        });
    }

    void reject(ContainerRequestContext request, String source, String username, String reason,
            jakarta.ws.rs.core.Response response) {
        try {
            audit.record(new AuditEntry(username == null ? AuditEntry.ACTOR_ANONYMOUS : AuditEntry.ACTOR_USER,
                    username == null ? source : username, "admin.request.rejected", "rejected", "admin-api",
                    request.getMethod() + " /" + request.getUriInfo().getPath(), source, null, null,
                    Map.of("reason", reason, "status", String.valueOf(response.getStatus()))));
        } catch (RuntimeException e) {
            if (!Unavailable.isStorageFailure(e)) {
                throw e;
            }
        }
        request.abortWith(response);
    }
}
