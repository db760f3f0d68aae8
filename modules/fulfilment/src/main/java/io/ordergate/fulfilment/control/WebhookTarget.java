package io.ordergate.fulfilment.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The receiver of the feed's push: the configured URL itself, POSTed to. */
public interface WebhookTarget {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response deliver(
            @HeaderParam("webhook-id") String id,
            @HeaderParam("webhook-timestamp") String timestamp,
            @HeaderParam("webhook-signature") String signature,
            byte[] body);
}
