package io.ordergate.platform.boundary;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is left at its default {@code about:blank}, so
 * {@code title} is the HTTP status phrase or a short summary and {@code detail} says what to fix.
 */
public record Problem(int status, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public String toJson() {
        var builder = Jsons.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            builder.add("detail", detail);
        }
        return builder.build().toString();
    }

    public Response toResponse() {
        return toResponse(Map.of());
    }

    public Response toResponse(Map<String, String> headers) {
        var response = Response.status(status).type(MEDIA_TYPE).entity(toJson());
        headers.forEach(response::header);
        return response.build();
    }
}
