package io.ordergate.fulfilment.control;

import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobHandler;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scayle.boundary.AdminApiConnected;
import io.ordergate.scayle.boundary.ScayleFulfilmentApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;

/**
 * Passes a {@code ful_outbound} row of a SCAYLE order on to SCAYLE's Admin API
 * ({@code fulfilment.scayle-call} jobs, queued by {@link ReportStore} with the report). Each run is
 * one attempt of {@link ScayleFulfilmentApi#send}: 2xx succeeds (the row becomes {@code sent});
 * 429, 5xx and timeouts are retried with SCAYLE's {@code Retry-After} as a floor; any other 4xx
 * makes the job, and the row, {@code dead}, with SCAYLE's {@code errors[]} kept by the scayle
 * module. Without a connection the job waits ({@link #NOT_CONFIGURED_WAIT}, not counted as an
 * attempt) and is brought forward the moment an admin saves one. An order's calls reach SCAYLE in
 * the order their reports came in: a call waits (deferred, {@link #EARLIER_WAIT}) while an earlier
 * one of its order is still pending, so a return never overtakes the shipment that gave its return
 * key; a dead earlier call does not hold it up (SCAYLE's answer then says what is missing).
 */
@ApplicationScoped
public class ScayleOutbound implements JobHandler {

    public static final String JOB_TYPE = "fulfilment.scayle-call";

    static final String PLATFORM = "scayle";

    /** How long a call waits for a connection before it looks again (saving one wakes it at once). */
    static final Duration NOT_CONFIGURED_WAIT = Duration.ofMinutes(5);

    /** How long a call waits for the order's earlier call before it looks again. */
    static final Duration EARLIER_WAIT = Duration.ofSeconds(2);

    @Inject
    OutboundRows rows;

    @Inject
    ScayleFulfilmentApi scayle;

    @Inject
    Jobs jobs;

    @Override
    public String type() {
        return JOB_TYPE;
    }

    @Override
    public JobResult run(Job job) {
        var row = rows.unsent(outboundId(job)).orElse(null);
        if (row == null) {
            // sent already (the job ran again after its outcome was recorded)
            return JobResult.succeeded(null);
        }
        var earlier = rows.earlierPending(row.outboundId());
        if (earlier.isPresent()) {
            // not before the order's earlier report is through (a dead one does not hold it up)
            return JobResult.deferred(
                    "waiting for the order's earlier report (outbound call " + earlier.get() + ") to reach SCAYLE",
                    EARLIER_WAIT);
        }
        var outcome = scayle.send(rows.scayleCall(row));
        return switch (outcome.result()) {
            case SENT -> JobResult.succeeded(outcome.status());
            case RETRY -> JobResult.retry(outcome.status(), outcome.error(), outcome.retryAfter());
            case REJECTED -> JobResult.permanent(outcome.status(), outcome.error());
            case NOT_CONFIGURED -> JobResult.deferred(outcome.error(), NOT_CONFIGURED_WAIT);
        };
    }

    @Override
    public void recorded(Job job, JobResult result, String state) {
        if ("succeeded".equals(state) || "dead".equals(state)) {
            rows.settled(
                    outboundId(job), "succeeded".equals(state), job.attempt(), result.httpStatus(), result.error());
        }
    }

    /** In the transaction that saves the connection: every call still owed runs now. */
    void connected(@Observes AdminApiConnected connected) {
        for (var id : rows.pendingIds(PLATFORM)) {
            jobs.request(JOB_TYPE, dedupeKey(id), payload(id));
        }
    }

    public static String dedupeKey(long outboundId) {
        return OutboundRows.CAUSE_PREFIX + outboundId;
    }

    public static String payload(long outboundId) {
        return Jsons.createObjectBuilder().add("outboundId", outboundId).build().toString();
    }

    static long outboundId(Job job) {
        try (var reader = Jsons.createReader(new StringReader(job.payload()))) {
            if (reader.readValue() instanceof JsonObject payload
                    && payload.get("outboundId") instanceof JsonNumber id) {
                return id.longValue();
            }
        }
        throw new IllegalArgumentException("Job " + job.id() + " has no outboundId in its payload.");
    }
}
