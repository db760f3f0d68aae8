package io.ordergate.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application's own MicroProfile Metrics, named once so that every module counts the same way
 * (docs/metrics.md lists them). Each call only looks up a registered meter and
 * updates it in memory: cheap enough for every request, never a database query.
 *
 * <p>Tag values must come from small fixed sets (endpoint names, outcomes, reasons), never from
 * request data, or the number of time series would grow without bound.
 */
@ApplicationScoped
public class Meters {

    /** Counter, tags {@code endpoint}, {@code outcome}: every answered webhook request. */
    public static final String REQUESTS = "ordergate.requests";
    /** Timer, tag {@code endpoint}: from reading the request to the answer leaving. */
    public static final String ACK_LATENCY = "ordergate.ack.latency";
    /** Counter, tags {@code realm}, {@code reason}: every rejected authentication. */
    public static final String AUTH_FAILURES = "ordergate.auth.failures";

    public static final String CREATED = "created";
    public static final String REPLAYED = "replayed";
    public static final String CONFLICT = "conflict";
    public static final String REJECTED = "rejected";
    public static final String UNAVAILABLE = "unavailable";

    @Inject
    MetricRegistry registry;

    /** Every timer, registered once under a lock (see {@link #timer}). */
    private static final Map<String, Timer> TIMERS = new ConcurrentHashMap<>();

    /** One answered request of a webhook endpoint, with what its answer meant. */
    public void answered(String endpoint, String outcome, Duration took) {
        registry.counter(REQUESTS, new Tag("endpoint", endpoint), new Tag("outcome", outcome))
                .inc();
        latency(endpoint).update(took);
    }

    private Timer latency(String endpoint) {
        return timer(ACK_LATENCY, new Tag("endpoint", endpoint));
    }

    /**
     * The timer of that name and tags, registered once under one lock for the whole application.
     * Why the lock: Payara's {@code TimerImpl} constructor updates a {@code HashMap} shared by all
     * timers, so timers registered at the same time on different threads failed with a
     * {@code ConcurrentModificationException}: first the acknowledgement timer in a burst (seen in
     * the benchmark, the answer was lost), then the fetch timer when the job workers started
     * several fetches at once. Every timer of OrderGate is therefore obtained here.
     */
    public Timer timer(String name, Tag... tags) {
        var key = name + java.util.Arrays.toString(tags);
        var timer = TIMERS.get(key);
        if (timer != null) {
            return timer;
        }
        synchronized (TIMERS) {
            return TIMERS.computeIfAbsent(key, k -> registry.timer(name, tags));
        }
    }

    /** A rejected authentication of one realm ({@code scayle}, {@code admin}, ...), with the reason. */
    public void authenticationFailed(String realm, String reason) {
        registry.counter(AUTH_FAILURES, new Tag("realm", realm), new Tag("reason", reason == null ? "unknown" : reason))
                .inc();
    }

    /** The outcome a problem answer stands for: a 5xx (503) is "unavailable", a 4xx "rejected". */
    public static String outcomeOf(int status) {
        return status >= 500 ? UNAVAILABLE : REJECTED;
    }
}
