package io.ordergate.scayle.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Drops an optional header that was given no value (a connection without a company id), rather than sending it empty. */
public class OptionalHeaders implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        var values = request.getHeaders().get(AdminApiClient.COMPANY);
        if (values != null
                && values.stream()
                        .allMatch(value -> value == null || value.toString().isBlank())) {
            request.getHeaders().remove(AdminApiClient.COMPANY);
        }
    }
}
