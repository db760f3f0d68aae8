package io.ordergate.credentials.boundary;

import io.ordergate.platform.boundary.AdminApi;
import io.ordergate.platform.boundary.RequestBodies;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;

/**
 * The admin API takes JSON only: a request that brings a body must declare it as UTF-8
 * {@code application/json} (415 otherwise, as on the webhooks) and keep it within 1 MiB (413),
 * read with the limit enforced while reading. Calls without a body (create a webhook client,
 * generate a certificate) need no Content-Type.
 */
@Provider
@AdminApi
public class AdminRequestBodies implements ContainerRequestFilter {

    /** The largest admin body is a PKCS#12 upload in base64: a few KiB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        RequestBodies.requireJson(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        var body = RequestBodies.read(request.getEntityStream(), request.getLength(), MAX_BODY_BYTES);
        request.setEntityStream(new ByteArrayInputStream(body));
    }
}
