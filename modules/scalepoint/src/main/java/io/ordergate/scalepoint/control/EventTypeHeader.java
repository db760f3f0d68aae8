package io.ordergate.scalepoint.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Gives the event-type header the name configured for Scalepoint's Event API. */
public class EventTypeHeader implements ClientRequestFilter {

    private final String name;

    public EventTypeHeader(String name) {
        this.name = name;
    }

    @Override
    public void filter(ClientRequestContext request) {
        var value = request.getHeaders().remove(EventApi.EVENT_TYPE_HEADER);
        if (value != null && !name.equalsIgnoreCase(EventApi.EVENT_TYPE_HEADER)) {
            request.getHeaders().put(name, value);
        } else if (value != null) {
            request.getHeaders().put(EventApi.EVENT_TYPE_HEADER, value);
        }
    }
}
