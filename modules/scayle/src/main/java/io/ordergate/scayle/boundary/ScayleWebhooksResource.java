package io.ordergate.scayle.boundary;

import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.platform.boundary.ClientAddress;
import io.ordergate.platform.boundary.Meters;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Unavailable;
import io.ordergate.scayle.control.CancellationParser;
import io.ordergate.scayle.control.DelegationParser;
import io.ordergate.scayle.control.WebhookGate;
import io.ordergate.scayle.control.WebhookWorkers;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two blocking webhooks SCAYLE calls (spec sections 3, 4 and 6). The answer is sent only after
 * the facade's transaction committed; anything that kept us from storing the delivery is a 503, so
 * that SCAYLE retries instead of cancelling the order.
 *
 * <p>Every answer leaves within {@code ordergate.scayle.answer-deadline}: the headers are taken on
 * the request thread; on one of the {@link WebhookWorkers} the caller is authenticated, only then
 * the body read, and the delivery stored. When storage hangs (a
 * stalled database, a network partition), the 503 goes out at the deadline while the worker waits
 * for its own timeouts. (The answer cannot be written while the request thread is still inside the
 * servlet: that is why the work moves to another thread.) Should the delivery still commit after
 * the deadline, SCAYLE's retry gets the stored answer: a late 503 never loses or duplicates an
 * order.
 *
 * <p>Each answer that actually leaves is counted once ({@link Meters}): with the idempotency outcome
 * when stored, {@code rejected} for a 4xx, {@code unavailable} for a 503 (including the deadline's).
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

    @Inject
    @ConfigProperty(name = "ordergate.scayle.answer-deadline")
    Duration deadline;

    @Inject
    WebhookWorkers workers;

    @Inject
    Meters meters;

    @Inject
    ClientAddress clientAddress;

    @POST
    @Path("order-delegations")
    public void delegate(@Context HttpHeaders headers, InputStream body, @Suspended AsyncResponse async) {
        deliver(
                "delegation",
                headers,
                body,
                async,
                DelegationParser::parse,
                DelegationRequest::fulfillingMerchantKey,
                delegations::receive);
    }

    @POST
    @Path("order-cancellations")
    public void cancel(@Context HttpHeaders headers, InputStream body, @Suspended AsyncResponse async) {
        deliver(
                "cancellation",
                headers,
                body,
                async,
                CancellationParser::parse,
                CancellationRequest::merchantKey,
                cancellations::receive);
    }

    /**
     * Takes the request's headers here; on a worker, authenticates, reads and validates the body and
     * hands it to the facade.
     *
     * @param kind {@code delegation} or {@code cancellation}
     * @param merchantOf the merchant the body is for, which must be the caller's
     */
    <T> void deliver(
            String kind,
            HttpHeaders headers,
            InputStream body,
            AsyncResponse async,
            Function<byte[], T> parser,
            Function<T, String> merchantOf,
            BiFunction<Inbound, T, Claim> facade) {
        var received = gate.receive(headers, clientAddress.of(http), body);
        answer("scayle-" + kind, received.receivedAt(), async, () -> {
            var inbound = gate.admit(kind, received);
            return facade.apply(inbound, gate.validate(kind, inbound, parser, merchantOf));
        });
    }

    /**
     * @param endpoint the metrics name of the webhook
     * @param receivedAt when the request arrived: the acknowledgement latency runs from here
     */
    void answer(String endpoint, Instant receivedAt, AsyncResponse async, Supplier<Claim> delivery) {
        async.setTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
        async.setTimeoutHandler(late -> {
            LOG.warning("SCAYLE delivery not answered within " + deadline + ": answering 503");
            send(endpoint, receivedAt, late, new Answer(Meters.UNAVAILABLE, unavailable()));
        });
        try {
            workers.execute(() -> send(endpoint, receivedAt, async, process(delivery)));
        } catch (RejectedExecutionException e) {
            LOG.warning("SCAYLE webhook workers saturated: answering 503");
            send(endpoint, receivedAt, async, new Answer(Meters.UNAVAILABLE, unavailable()));
        }
    }

    /** Counts only the answer that actually left: after the deadline's 503 the late one is dropped. */
    void send(String endpoint, Instant receivedAt, AsyncResponse async, Answer answer) {
        if (async.resume(answer.response())) {
            meters.answered(endpoint, answer.outcome(), Duration.between(receivedAt, Instant.now()));
        }
    }

    /** A response with what it means for the metrics: created, replayed, conflict, rejected, unavailable. */
    record Answer(String outcome, Response response) {}

    static Answer process(Supplier<Claim> delivery) {
        try {
            var claim = delivery.get();
            var stored = claim.response();
            return new Answer(
                    claim.outcome().label(),
                    Response.status(stored.status())
                            .type(stored.contentType())
                            .entity(stored.body())
                            .build());
        } catch (ProblemException e) {
            return new Answer(
                    Meters.outcomeOf(e.problem().status()), e.problem().toResponse(e.headers()));
        } catch (RuntimeException e) {
            // Whatever it was, the delivery is not stored: SCAYLE must retry rather than cancel.
            var reference = UUID.randomUUID();
            if (Unavailable.isStorageFailure(e)) {
                LOG.log(Level.WARNING, "SCAYLE delivery not stored (reference {0}): {1}", new Object[] {reference, e});
            } else {
                LOG.log(Level.SEVERE, "SCAYLE delivery failed unexpectedly, reference " + reference, e);
            }
            return new Answer(Meters.UNAVAILABLE, unavailable());
        }
    }

    static Response unavailable() {
        var problem = Unavailable.problem();
        return problem.problem().toResponse(problem.headers());
    }
}
