package io.ordergate.scayle.control;

import io.ordergate.platform.boundary.PartnerClients;
import io.ordergate.platform.boundary.PartnerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Every call OrderGate makes to SCAYLE's Admin API, built with the partner toolkit
 * ({@link PartnerClients}): connect and read timeouts, no redirects, bounded answers. A 429 is
 * thrown as {@code RateLimited} and a 5xx as {@code PartnerUnavailable} (each with SCAYLE's
 * {@code Retry-After}); every other answer is returned. A Fault Tolerance timeout sits above the
 * read timeout and a bulkhead keeps SCAYLE from tying up every job worker. There is no
 * {@code @Retry}: the durable retry is the job queue's, which also decides, after an ambiguous
 * outcome, to read the order before posting again.
 */
@ApplicationScoped
public class AdminApiHttp {

    /** How long a job waits after a 429 that named no Retry-After. */
    static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(5);

    static final String WHAT = "SCAYLE's Admin API";

    @Inject
    PartnerClients clients;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ordergate.scayle.admin-api-connect-timeout")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "ordergate.scayle.admin-api-read-timeout")
    Duration readTimeout;

    /** SCAYLE's answers are read only for errors[] and an order: a larger one is refused. */
    @Inject
    @ConfigProperty(name = "ordergate.scayle.admin-api-max-response-bytes")
    int maxResponseBytes;

    /** The three fulfilment calls, by the kind of report they pass on. */
    public enum Post {
        SHIPMENT("POST /fulfillment/shipments"),
        CANCELLATION("POST /fulfillment/cancellations"),
        RETURN("POST /fulfillment/return-items");

        final String call;

        Post(String call) {
            this.call = call;
        }

        public String call() {
            return call;
        }
    }

    @Timeout(30_000)
    @Bulkhead(8)
    public PartnerResponse post(AdminApiSettings.Connection connection, Post post, byte[] body) {
        return call(connection, api -> switch (post) {
            case SHIPMENT -> api.shipments(connection.token(), connection.companyId(), body);
            case CANCELLATION -> api.cancellations(connection.token(), connection.companyId(), body);
            case RETURN -> api.returnItems(connection.token(), connection.companyId(), body);
        });
    }

    @Timeout(30_000)
    @Bulkhead(8)
    public PartnerResponse order(
            AdminApiSettings.Connection connection, String shopKey, String countryCode, long orderId) {
        return call(
                connection,
                api -> api.order(connection.token(), connection.companyId(), shopKey, countryCode, orderId));
    }

    @Timeout(30_000)
    @Bulkhead(8)
    public PartnerResponse status(
            AdminApiSettings.Connection connection, String shopKey, String countryCode, long orderId) {
        return call(
                connection,
                api -> api.status(connection.token(), connection.companyId(), shopKey, countryCode, orderId));
    }

    private PartnerResponse call(AdminApiSettings.Connection connection, Function<AdminApiClient, Response> call) {
        var api = clients.client(
                AdminApiClient.class,
                connection.baseUrl(),
                new PartnerClients.Timeouts(connectTimeout, readTimeout),
                new OptionalHeaders());
        return PartnerClients.unlessUnavailable(
                WHAT, clients.call(WHAT, maxResponseBytes, () -> call.apply(api)), clock.instant(), RATE_LIMIT_WAIT);
    }
}
