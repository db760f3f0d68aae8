package io.ordergate.scalepoint.control;

import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobHandler;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.platform.boundary.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Sends one outbox event to Scalepoint's Event API ({@code scalepoint.publish-event} jobs). A 400
 * or 422 means Scalepoint will never take this body: the job ends dead at once; everything else is
 * retried until accepted or the queue gives up, and a send that meets an open circuit breaker waits
 * for it without counting as an attempt.
 */
@ApplicationScoped
public class PublishHandler implements JobHandler {

    public static final String JOB_TYPE = "scalepoint.publish-event";

    @Inject
    AuthorizedCalls calls;

    @Inject
    ScalepointApi api;

    @Inject
    ScalepointConfig config;

    @Inject
    PublicationOutbox outbox;

    @Override
    public String type() {
        return JOB_TYPE;
    }

    @Override
    public JobResult run(Job job) {
        var publication = outbox.find(publicationId(job))
                .orElseThrow(() -> new IllegalStateException(
                        "Publication " + publicationId(job) + " of job " + job.id() + " does not exist."));
        return PartnerCalls.guarded(() -> {
            var response = calls.call(
                            CircuitWatch.Breaker.EVENT_API,
                            settings -> config.eventScopes(),
                            (settings, accessToken) -> api.sendEvent(
                                    settings,
                                    accessToken,
                                    publication.eventType(),
                                    publication.body().getBytes(StandardCharsets.UTF_8)))
                    .response();
            int status = response.status();
            if (response.successful()) {
                return JobResult.succeeded(status);
            }
            if (status == 401) {
                // AuthorizedCalls forgot the refused token already.
                return JobResult.retry(
                        status,
                        "The Event API refused the access token (401); the next attempt uses " + "a new one.",
                        null);
            }
            if (status == 400 || status == 422) {
                return JobResult.permanent(
                        status, "The Event API rejected the event (" + status + "): " + response.excerpt());
            }
            return JobResult.retry(status, "The Event API answered " + status + ": " + response.excerpt(), null);
        });
    }

    @Override
    public void recorded(Job job, JobResult result, String state) {
        outbox.recorded(publicationId(job), job, result, state);
    }

    static long publicationId(Job job) {
        try (var reader = Jsons.createReader(new StringReader(job.payload()))) {
            if (reader.readValue() instanceof JsonObject payload
                    && payload.get("publicationId") instanceof JsonNumber id) {
                return id.longValue();
            }
        }
        throw new IllegalArgumentException("Job " + job.id() + " has no publicationId in its payload.");
    }
}
