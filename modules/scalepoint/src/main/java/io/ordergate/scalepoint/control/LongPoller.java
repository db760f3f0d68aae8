package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.BadPartnerResponse;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.PartnerUnavailable;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.WorkerPools;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Long-poll mode ({@code ORDERGATE_SCALEPOINT_RECEIVE_MODE=long-poll}): asks Scalepoint's Event
 * API for events, again and again, and feeds them through the same pipeline as the webhook. One
 * node polls at a time (a lease in the database that the poller renews; a node that dies loses it
 * after the lease time). The cursor ({@code lastEventId}) moves in the transaction that stores
 * the events. {@code links.next} is used only when it points at the configured Event API host.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LongPoller {

    static final Logger LOG = Logger.getLogger(LongPoller.class.getName());
    static final Duration IDLE = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Inject
    ScalepointConfig config;

    @Inject
    AuthorizedCalls calls;

    @Inject
    ScalepointApi api;

    @Inject
    PollerLease lease;

    @Inject
    EventIntake intake;

    @Inject
    WorkerPools pools;

    final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    volatile boolean running;
    boolean holding;
    ThreadPoolExecutor thread;

    @PostConstruct
    void start() {
        if (!config.longPoll()) {
            return;
        }
        running = true;
        thread = pools.create(1, 1);
        thread.execute(this::loop);
        LOG.info(() -> "Scalepoint long polling on node " + node);
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.shutdownNow();
            try {
                lease.release(node);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not release the long-poll lease; it expires by itself", e);
            }
        }
    }

    void loop() {
        int failures = 0;
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                // The lease outlives one long poll; a node that dies holding it is replaced after that long.
                if (!lease.take(node, config.longPollTimeout().multipliedBy(2))) {
                    if (holding) {
                        holding = false;
                        LOG.warning(() -> "Node " + node + " lost the Scalepoint long-poll lease");
                    }
                    pause(IDLE);
                    continue;
                }
                if (!holding) {
                    holding = true;
                    LOG.info(() -> "Node " + node + " took the Scalepoint long-poll lease");
                }
                pollOnce();
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                var wait = e instanceof PartnerUnavailable unavailable && unavailable.retryAfter() != null
                        ? unavailable.retryAfter()
                        : backoff(failures);
                var message = PartnerCalls.describe(e);
                LOG.log(Level.WARNING, "Scalepoint long poll failed ({0}); next try in {1} s", new Object[] {
                    message, wait.toSeconds()
                });
                try {
                    lease.failed(node, message);
                } catch (RuntimeException ignored) {
                    // the database may be the problem; the log has it
                }
                pause(wait);
            }
        }
    }

    void pollOnce() {
        var cursor = lease.cursor();
        var answer = calls.unguarded(
                settings -> config.eventScopes(),
                (settings, accessToken) -> api.receiveEvents(settings, accessToken, cursor));
        var settings = answer.settings();
        var response = answer.response();
        if (response.status() == 401) {
            // AuthorizedCalls forgot the refused token already.
            throw new PartnerUnavailable(401, "The Event API refused the access token (401).", null, null);
        }
        if (!response.successful()) {
            throw new PartnerUnavailable(
                    response.status(),
                    "The Event API answered " + response.status() + ": " + response.excerpt(),
                    null,
                    null);
        }
        JsonObject page;
        try (var reader = Jsons.createReader(new StringReader(response.utf8()))) {
            if (!(reader.readValue() instanceof JsonObject object)) {
                throw new BadPartnerResponse(
                        response.status(), "The Event API answered with JSON that is not an " + "object.");
            }
            page = object;
        } catch (JsonParsingException | IllegalArgumentException e) {
            throw new BadPartnerResponse(
                    response.status(), "The Event API answered with a body that is not JSON: " + response.excerpt());
        }
        var batch = new ArrayList<EventIntake.Polled>();
        String lastId = null;
        if (page.get("data") instanceof JsonArray data) {
            for (var item : data) {
                if (item instanceof JsonObject object && object.get("id") instanceof JsonString id) {
                    lastId = id.getString();
                }
                var raw = item.toString().getBytes(StandardCharsets.UTF_8);
                try {
                    batch.add(new EventIntake.Polled(EventParser.parse(raw), raw));
                } catch (ProblemException e) {
                    // An event we cannot read must not block the ones after it; it is logged and skipped.
                    LOG.log(Level.WARNING, "Skipped an unreadable Scalepoint event {0}: {1}", new Object[] {
                        lastId, e.problem().detail()
                    });
                }
            }
        }
        var next = nextCursor(page, settings.eventApiUrl(), lastId == null ? cursor : lastId);
        intake.receivePolled(batch, next, node);
    }

    /**
     * The {@code lastEventId} of {@code links.next} when that link points at the configured Event
     * API host; otherwise the id of the last event received.
     */
    static String nextCursor(JsonObject page, URI eventApi, String fallback) {
        if (page.get("links") instanceof JsonObject links && links.get("next") instanceof JsonString next) {
            try {
                var uri = URI.create(next.getString());
                if (sameHost(uri, eventApi) && uri.getRawQuery() != null) {
                    for (var parameter : uri.getRawQuery().split("&")) {
                        if (parameter.startsWith("lastEventId=")) {
                            return URLDecoder.decode(
                                    parameter.substring("lastEventId=".length()), StandardCharsets.UTF_8);
                        }
                    }
                } else if (!sameHost(uri, eventApi)) {
                    LOG.warning(() -> "Ignored links.next to " + uri.getHost() + ": not the configured Event API host "
                            + eventApi.getHost());
                }
            } catch (IllegalArgumentException e) {
                LOG.warning("Ignored a links.next that is not a URL");
            }
        }
        return fallback;
    }

    static boolean sameHost(URI uri, URI configured) {
        return uri.getHost() != null
                && configured.getHost() != null
                && uri.getHost()
                        .toLowerCase(Locale.ROOT)
                        .equals(configured.getHost().toLowerCase(Locale.ROOT))
                && port(uri) == port(configured)
                && Objects.equals(scheme(uri), scheme(configured));
    }

    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static String scheme(URI uri) {
        return uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    static Duration backoff(int failures) {
        var seconds = Math.min(MAX_BACKOFF.toSeconds(), (long) Math.pow(2, Math.min(failures, 10)));
        return Duration.ofSeconds(seconds);
    }

    void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
