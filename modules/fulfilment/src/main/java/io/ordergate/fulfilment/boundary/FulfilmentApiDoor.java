package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.credentials.boundary.AuthenticationFailed;
import io.ordergate.credentials.boundary.RejectedRequests;
import io.ordergate.credentials.boundary.WebhookClients;
import io.ordergate.platform.boundary.ClientAddress;
import io.ordergate.platform.boundary.RequestBodies;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.util.HashMap;

/**
 * The fulfilment API's one door, decided by what JAX-RS routes to (like the admin API's): every
 * resource class whose {@code @Path} lies under {@code fulfilment} gets a guard that admits only a
 * bearer token of a fulfilment API client. Without one: 401 (HTTP Basic credentials of staff
 * included: this API is for machines); a token of ours for another API: 403; too many bad tokens
 * from one source: 429. Only then is a body read: JSON, at most {@link #MAX_BODY_BYTES}.
 *
 * <p>Refusals are audited like every refusal before authentication: a few per source and window
 * one by one, then a summary, so that anonymous traffic cannot grow the trail without bound.
 */
@Provider
public class FulfilmentApiDoor implements DynamicFeature {

    /** The request property that holds the authenticated {@link FulfilmentCaller}. */
    public static final String CALLER = FulfilmentCaller.class.getName();

    /** A stock report of 10,000 levels is well below 1 MiB; the rest is headroom. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (isFulfilment(resource.getResourceClass())) {
            context.register(Guard.class);
        }
    }

    static boolean isFulfilment(Class<?> resourceClass) {
        var path = resourceClass.getAnnotation(Path.class);
        if (path == null) {
            return false;
        }
        var value = path.value().replaceAll("^/+", "");
        return value.equals("fulfilment") || value.startsWith("fulfilment/");
    }

    /**
     * Jersey creates the guard itself (it is registered per resource method), so the beans it needs
     * are looked up in CDI, not injected: HK2 cannot inject EJBs or CDI beans into it.
     */
    @Priority(Priorities.AUTHENTICATION)
    public static class Guard implements ContainerRequestFilter {

        @Context
        HttpServletRequest http;

        @Override
        public void filter(ContainerRequestContext request) {
            var beans = CDI.current();
            var clients = beans.select(WebhookClients.class).get();
            var source = beans.select(ClientAddress.class).get().of(http);
            try {
                var caller = clients.authenticateBearer(
                        request.getHeaderString(HttpHeaders.AUTHORIZATION), FulfilmentCaller.PLATFORM, source);
                request.setProperty(CALLER, new FulfilmentCaller(caller.clientId(), source));
            } catch (AuthenticationFailed e) {
                refused(request, e, source);
                request.abortWith(e.problem().toResponse(e.headers()));
                return;
            }
            if (request.hasEntity()) {
                RequestBodies.requireJson(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
                var body = RequestBodies.read(request.getEntityStream(), request.getLength(), MAX_BODY_BYTES);
                request.setEntityStream(new ByteArrayInputStream(body));
            }
        }

        static void refused(ContainerRequestContext request, AuthenticationFailed e, String source) {
            var detail = new HashMap<String, String>();
            detail.put("status", String.valueOf(e.problem().status()));
            detail.put("reason", e.reason());
            detail.put("method", request.getMethod());
            var entry = new AuditEntry(
                    e.username() == null ? AuditEntry.ACTOR_ANONYMOUS : AuditEntry.ACTOR_SYSTEM,
                    e.username() == null ? source : e.username(),
                    "fulfilment.request.rejected",
                    "rejected",
                    "fulfilment-api",
                    null,
                    source,
                    null,
                    null,
                    detail);
            CDI.current().select(RejectedRequests.class).get().audit(entry);
        }
    }
}
