package io.ordergate.scayle.boundary;

import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Unavailable;
import io.ordergate.scayle.control.CancellationParser;
import io.ordergate.scayle.control.CancellationRequest;
import io.ordergate.scayle.control.DelegationParser;
import io.ordergate.scayle.control.DelegationRequest;
import io.ordergate.scayle.control.WebhookGate;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The two blocking webhooks SCAYLE calls (spec sections 3, 4 and 6). The answer is sent only after
 * the facade's transaction committed; anything that kept us from storing the delivery is a 503, so
 * that SCAYLE retries instead of cancelling the order.
 */
@Path("scayle")
public class ScayleWebhooksResource {

    static final Logger LOG = Logger.getLogger(ScayleWebhooksResource.class.getName());

    @Inject
    WebhookGate gate;

    @Inject
    Delegations delegations;

    @Inject
    Cancellations cancellations;

    @Context
    HttpServletRequest http;

    @POST
    @Path("order-delegations")
    public Response delegate(@Context HttpHeaders headers, InputStream body) {
        return answer(() -> {
            var inbound = gate.admit("delegation", headers, http.getRemoteAddr(), body);
            var order = gate.validate("delegation", inbound, DelegationParser::parse,
                    DelegationRequest::fulfillingMerchantKey);
            return delegations.receive(inbound, order);
        });
    }

    @POST
    @Path("order-cancellations")
    public Response cancel(@Context HttpHeaders headers, InputStream body) {
        return answer(() -> {
            var inbound = gate.admit("cancellation", headers, http.getRemoteAddr(), body);
            var request = gate.validate("cancellation", inbound, CancellationParser::parse,
                    CancellationRequest::merchantKey);
            return cancellations.receive(inbound, request);
        });
    }

    static Response answer(Supplier<StoredResponse> delivery) {
        try {
            var stored = delivery.get();
            return Response.status(stored.status()).type(stored.contentType()).entity(stored.body()).build();
        } catch (ProblemException e) {
            return e.problem().toResponse(e.headers());
        } catch (RuntimeException e) {
            // Whatever it was, the delivery is not stored: SCAYLE must retry rather than cancel.
            var reference = UUID.randomUUID();
            if (Unavailable.isStorageFailure(e)) {
                LOG.log(Level.WARNING, "SCAYLE delivery not stored (reference {0}): {1}", new Object[] {reference, e});
            } else {
                LOG.log(Level.SEVERE, "SCAYLE delivery failed unexpectedly, reference " + reference, e);
            }
            var problem = Unavailable.problem();
            return problem.problem().toResponse(problem.headers());
        }
    }
}
