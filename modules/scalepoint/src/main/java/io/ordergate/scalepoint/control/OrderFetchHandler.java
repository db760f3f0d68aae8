package io.ordergate.scalepoint.control;

import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobHandler;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Meters;
import io.ordergate.platform.boundary.PartnerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Fetches one order from Scalepoint's Order Data API ({@code scalepoint.fetch-order} jobs) and
 * decides what the answer means for the job: stored, retried later (honouring Retry-After), or
 * given up. A 404 is retried a few times (Order Data may lag behind the event), then the job is
 * dead; a 400 will not change and ends it at once.
 *
 * <p>A fetch that meets an open circuit breaker is deferred until the breaker lets calls through:
 * not a failed attempt, and the order keeps its status and last real error (the job's last error
 * says what it waits for).
 *
 * <p>Metrics: {@code ordergate.scalepoint.fetch.latency} times each attempt (token included), and
 * {@code ordergate.scalepoint.fetches{outcome}} counts what it came to: {@code succeeded},
 * {@code failed} (to be retried), {@code deferred} (waiting for a circuit breaker, not tried) or
 * {@code dead}.
 */
@ApplicationScoped
public class OrderFetchHandler implements JobHandler {

    public static final String JOB_TYPE = "scalepoint.fetch-order";

    @Inject
    AuthorizedCalls calls;

    @Inject
    ScalepointApi api;

    @Inject
    ScalepointConfig config;

    @Inject
    OrderDataStore store;

    @Inject
    MetricRegistry registry;

    @Inject
    Meters meters;

    @Override
    public String type() {
        return JOB_TYPE;
    }

    @Override
    public JobResult run(Job job) {
        var orderToken = orderToken(job);
        var started = System.nanoTime();
        try {
            return PartnerCalls.guarded(() -> answer(
                    job,
                    orderToken,
                    calls.call(
                                    CircuitWatch.Breaker.ORDER_DATA,
                                    Settings::scopes,
                                    (settings, accessToken) ->
                                            api.fetchOrder(settings.orderDataUrl(), accessToken, orderToken))
                            .response()));
        } finally {
            meters.timer("ordergate.scalepoint.fetch.latency").update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    JobResult answer(Job job, String orderToken, PartnerResponse response) {
        int status = response.status();
        if (response.successful()) {
            String body;
            JsonValue json;
            try {
                body = response.utf8();
                try (var reader = Jsons.createReader(new StringReader(body))) {
                    json = reader.readValue();
                }
            } catch (IllegalArgumentException | JsonParsingException e) {
                return JobResult.retry(
                        status,
                        "Order Data answered " + status + " with a body that is not JSON: " + response.excerpt(),
                        null);
            }
            if (!(json instanceof JsonObject || json instanceof JsonArray)) {
                return JobResult.retry(
                        status,
                        "Order Data answered " + status + " with JSON that is not an order: " + response.excerpt(),
                        null);
            }
            store.store(orderToken, job, status, body, OrderDataParser.parse(json));
            return JobResult.succeeded(status);
        }
        if (status == 401) {
            // AuthorizedCalls forgot the refused token already.
            return JobResult.retry(
                    status, "Order Data refused the access token (401); the next attempt uses a new " + "one.", null);
        }
        if (status == 404) {
            var error = "Order Data does not know order " + orderToken + " (404, attempt " + job.attempt() + " of "
                    + config.notFoundAttempts() + ").";
            return job.attempt() >= config.notFoundAttempts()
                    ? JobResult.permanent(status, error)
                    : JobResult.retry(status, error, null);
        }
        if (status >= 300 && status < 400) {
            return JobResult.retry(
                    status,
                    "Order Data redirected to " + response.header("Location").orElse("?")
                            + "; OrderGate calls only the configured host and does not follow redirects.",
                    null);
        }
        if (status == 400 || status == 410) {
            return JobResult.permanent(
                    status,
                    "Order Data rejected the request for " + orderToken + " (" + status + "): " + response.excerpt());
        }
        return JobResult.retry(status, "Order Data answered " + status + ": " + response.excerpt(), null);
    }

    @Override
    public void recorded(Job job, JobResult result, String state) {
        var outcome = result instanceof JobResult.Succeeded
                ? "succeeded"
                : "dead".equals(state) ? "dead" : result instanceof JobResult.Deferred ? "deferred" : "failed";
        registry.counter("ordergate.scalepoint.fetches", new Tag("outcome", outcome))
                .inc();
        if (outcome.equals("failed") || outcome.equals("dead")) {
            store.recordFailure(orderToken(job), job, result, state);
        }
    }

    /** The payload of a fetch job for the order. */
    public static String payload(String orderToken) {
        return Jsons.createObjectBuilder().add("orderToken", orderToken).build().toString();
    }

    static String orderToken(Job job) {
        try (var reader = Jsons.createReader(new StringReader(job.payload()))) {
            if (reader.readValue() instanceof JsonObject payload && payload.get("orderToken") instanceof JsonString t) {
                return t.getString();
            }
        }
        throw new IllegalArgumentException("Job " + job.id() + " has no orderToken in its payload.");
    }
}
