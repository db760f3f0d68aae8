package io.ordergate.scalepoint.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When an open Scalepoint order is fetched again, and which Order Data statuses close an order.
 *
 * <p>An order's next refresh is its last successful fetch plus the interval plus a random share of
 * up to a tenth of the interval, so orders fetched in the same second (a burst of announcements,
 * the recovery after an outage) drift apart instead of coming due together again every interval.
 * The scheduler queues at most {@code refresh-batch} due orders per tick on a node, so a backlog is
 * worked off in steps.
 *
 * <p>Scalepoint's status names are not public: which ones close an order is the project's choice
 * ({@code ordergate.scalepoint.refresh-closing-statuses}, compared case-insensitively).
 */
@ApplicationScoped
public class RefreshSchedule {

    /** The largest random share of the interval added to each order's next refresh. */
    static final double JITTER = 0.1;

    /** {@code PT1H} by default; {@code off}, {@code PT0S} or an empty value switches the schedule off. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.refresh-interval")
    Optional<String> intervalSetting;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.refresh-batch")
    int batch;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.refresh-tick")
    Duration tick;

    /** An empty value: no status closes an order. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.refresh-closing-statuses")
    Optional<String> closingSetting;

    Duration interval;
    Set<String> closing;

    @PostConstruct
    void read() {
        interval = interval(intervalSetting.orElse(null));
        closing = statuses(closingSetting.orElse(null));
        if (batch < 1) {
            throw new IllegalArgumentException("ordergate.scalepoint.refresh-batch must be at least 1, not " + batch);
        }
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("ordergate.scalepoint.refresh-tick must be positive, not " + tick);
        }
    }

    /**
     * The interval setting: an ISO-8601 duration, or {@code off}.
     *
     * @return null when the schedule is off ({@code off}, empty, or a zero duration)
     */
    static Duration interval(String setting) {
        var value = setting == null ? "" : setting.trim();
        if (value.isEmpty() || value.equalsIgnoreCase("off")) {
            return null;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "ordergate.scalepoint.refresh-interval must be an ISO-8601 duration (PT1H) or 'off', not '" + value
                            + "'",
                    e);
        }
        if (parsed.isNegative()) {
            throw new IllegalArgumentException(
                    "ordergate.scalepoint.refresh-interval must not be negative, not '" + value + "'");
        }
        return parsed.isZero() ? null : parsed;
    }

    /** A comma-separated list of status names, lower-cased; blanks dropped. */
    static Set<String> statuses(String setting) {
        if (setting == null) {
            return Set.of();
        }
        return Arrays.stream(setting.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * When an order fetched at {@code fetchedAt} is due again.
     *
     * @param random a number in [0, 1): which share of the jitter this order gets
     * @return null when the schedule is off
     */
    static Instant nextRefresh(Duration interval, Instant fetchedAt, double random) {
        if (interval == null) {
            return null;
        }
        long jitterMillis = (long) (interval.toMillis() * JITTER * random);
        return fetchedAt.plus(interval).plusMillis(jitterMillis);
    }

    /** When an order fetched now is due again (null when the schedule is off). */
    public Instant nextRefresh(Instant fetchedAt) {
        return nextRefresh(interval, fetchedAt, Math.random());
    }

    /** Whether an Order Data status closes the order: it leaves the schedule, fulfilment stops for it. */
    public boolean closes(String status) {
        return status != null && closing.contains(status.trim().toLowerCase(Locale.ROOT));
    }

    public boolean enabled() {
        return interval != null;
    }

    /** Null when the schedule is off. */
    public Duration interval() {
        return interval;
    }

    public int batch() {
        return batch;
    }

    public Duration tick() {
        return tick;
    }

    /** The closing statuses as configured (lower case). */
    public Set<String> closingStatuses() {
        return closing;
    }
}
