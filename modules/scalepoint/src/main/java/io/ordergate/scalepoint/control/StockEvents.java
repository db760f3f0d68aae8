package io.ordergate.scalepoint.control;

import io.ordergate.jobs.boundary.Job;
import io.ordergate.jobs.boundary.JobHandler;
import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.stock.boundary.StockChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.TreeMap;

/**
 * Stock events, debounced per SKU ({@code scalepoint.stock-event} jobs). A change of a SKU's level
 * queues, in the transaction that changed it, a job that waits {@code ordergate.scalepoint.events.stock.debounce};
 * while it waits, further changes of that SKU queue nothing (the job queue's dedupe key), and when it
 * runs it publishes the SKU's level as it is then ({@link StockPublisher}). So a burst of changes is
 * one event with the final level, and a change during the run is published by the next job.
 *
 * <p>Every SKU is published, whether or not Scalepoint has ordered it (Scalepoint sells what its
 * suppliers have in stock), but only while stock events are on and a connection to Scalepoint is
 * set up: an installation that serves SCAYLE alone queues nothing.
 */
@ApplicationScoped
public class StockEvents implements JobHandler {

    public static final String JOB_TYPE = "scalepoint.stock-event";

    @Inject
    PublishingConfig publishing;

    @Inject
    OutboundConnection connection;

    @Inject
    Jobs jobs;

    @Inject
    StockPublisher publisher;

    @Override
    public String type() {
        return JOB_TYPE;
    }

    /** In the stock change's transaction. */
    void changed(@Observes StockChanged changed) {
        if (changed.skus().isEmpty()
                || !publishing.on(PublishingConfig.Cause.STOCK)
                || connection.stored().isEmpty()) {
            return;
        }
        // one statement however many SKUs a report changed, in key order
        var payloads = new TreeMap<String, String>();
        changed.skus().forEach(sku -> payloads.put(dedupeKey(sku), payload(sku)));
        jobs.enqueueAll(JOB_TYPE, payloads, publishing.stockDebounce());
    }

    @Override
    public JobResult run(Job job) {
        // publishes in a transaction of its own; the publication's job does the sending
        publisher.publish(sku(job));
        return JobResult.succeeded(null);
    }

    static String dedupeKey(String sku) {
        return "sku:" + sku;
    }

    static String payload(String sku) {
        return Jsons.createObjectBuilder().add("sku", sku).build().toString();
    }

    static String sku(Job job) {
        try (var reader = Jsons.createReader(new StringReader(job.payload()))) {
            if (reader.readValue() instanceof JsonObject payload && payload.get("sku") instanceof JsonString sku) {
                return sku.getString();
            }
        }
        throw new IllegalArgumentException("Job " + job.id() + " has no sku in its payload.");
    }
}
