package io.ordergate.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a request whose {@code Content-Type} is no media type at all ({@code json},
 * {@code application/}) with a 415 problem. Without it, JAX-RS fails to parse the header before any
 * resource runs and the container answers with its own HTML 400. Runs before matching, so such a
 * request is refused before authentication and (on the webhooks) is neither counted nor audited: it
 * never reached them.
 */
@Provider
@PreMatching
public class MalformedMediaTypes implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        var contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !RequestBodies.isWellFormedMediaType(contentType)) {
            var problem = RequestBodies.malformed(contentType);
            request.abortWith(problem.problem().toResponse(problem.headers()));
        }
    }
}
