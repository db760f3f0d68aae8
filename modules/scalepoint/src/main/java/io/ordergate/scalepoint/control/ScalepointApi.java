package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.BadPartnerResponse;
import io.ordergate.platform.boundary.PartnerClients;
import io.ordergate.platform.boundary.PartnerResponse;
import io.ordergate.platform.boundary.PartnerUnavailable;
import io.ordergate.platform.boundary.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Every call OrderGate makes to Scalepoint, each guarded by Fault Tolerance: a timeout above the
 * client's read timeout, a circuit breaker that stops calling a Scalepoint that keeps failing
 * (answers are then refused at once, and the job queue retries later), and a bulkhead that keeps
 * Scalepoint from tying up every worker. There is no {@code @Retry}: the durable retry across
 * minutes and restarts is the job queue's. A 5xx is thrown as {@link PartnerUnavailable} so that
 * the breaker counts it. A 429 is thrown as {@link RateLimited}, which the breakers skip: Scalepoint
 * is up and asks us to slow down, and the job waits for its {@code Retry-After} (or
 * {@link #RATE_LIMIT_WAIT}) without pausing every other call. Every other answer is returned.
 *
 * <p>A blip (three failed answers in a row) opens no breaker: each one opens only when at least
 * half of the last 8 Order Data or Event API calls, or 6 of the last 8 token requests, failed.
 * Callers go through {@link CircuitWatch#call}, which knows when a refusing breaker lets calls
 * through again.
 *
 * <p>Limits can be tuned with the MicroProfile Fault Tolerance keys, e.g.
 * {@code io.ordergate.scalepoint.control.ScalepointApi/fetchOrder/CircuitBreaker/delay}.
 */
@ApplicationScoped
public class ScalepointApi {

    @Inject
    PartnerClients clients;

    @Inject
    ScalepointConfig config;

    @Inject
    Clock clock;

    /** How long a job waits after a 429 that named no Retry-After. */
    static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(5);

    @Timeout(15_000)
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.5,
            delay = 30_000,
            successThreshold = 2,
            skipOn = {BadPartnerResponse.class, RateLimited.class})
    @Bulkhead(16)
    public PartnerResponse fetchOrder(URI orderDataUrl, String accessToken, String orderToken) {
        return call(
                "Order Data",
                () -> clients.client(OrderDataApi.class, orderDataUrl, timeouts(config.readTimeout()))
                        .order(orderToken, "Bearer " + accessToken));
    }

    @Timeout(15_000)
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 15_000,
            successThreshold = 1,
            skipOn = {BadPartnerResponse.class, RateLimited.class})
    @Bulkhead(8)
    public PartnerResponse requestToken(URI tokenUrl, MultivaluedMap<String, String> form) {
        return call(
                "The Scalepoint token endpoint",
                () -> clients.client(TokenApi.class, tokenUrl, timeouts(config.readTimeout()))
                        .token(form));
    }

    @Timeout(15_000)
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.5,
            delay = 30_000,
            successThreshold = 2,
            skipOn = {BadPartnerResponse.class, RateLimited.class})
    @Bulkhead(8)
    public PartnerResponse sendEvent(Settings settings, String accessToken, String eventType, byte[] body) {
        return call(
                "The Scalepoint Event API",
                () -> clients.client(
                                EventApi.class,
                                settings.eventApiUrl(),
                                timeouts(config.readTimeout()),
                                new EventTypeHeader(config.eventTypeHeader()))
                        .send(settings.country(), settings.tenant(), "Bearer " + accessToken, eventType, body));
    }

    /** A long poll: held open by Scalepoint until events exist, so no short timeout and no breaker. */
    public PartnerResponse receiveEvents(Settings settings, String accessToken, String lastEventId) {
        return call(
                "The Scalepoint Event API",
                () -> clients.client(EventApi.class, settings.eventApiUrl(), timeouts(config.longPollTimeout()))
                        .receive(settings.country(), settings.tenant(), lastEventId, "Bearer " + accessToken));
    }

    /**
     * Makes one call and reads its answer; a 429 or 5xx is thrown. The guards stay on the public
     * methods above, where Fault Tolerance sees them; this runs inside them.
     *
     * @param what names the partner API in error messages
     */
    private PartnerResponse call(String what, Supplier<Response> call) {
        return PartnerClients.unlessUnavailable(
                what, clients.call(what, config.maxResponseBytes(), call), clock.instant(), RATE_LIMIT_WAIT);
    }

    private PartnerClients.Timeouts timeouts(Duration read) {
        return new PartnerClients.Timeouts(config.connectTimeout(), read);
    }
}
