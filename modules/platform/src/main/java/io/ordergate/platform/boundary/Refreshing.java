package io.ordergate.platform.boundary;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A value read from somewhere expensive (the database) at most once per period, for gauges: a
 * Prometheus scrape reads several gauges of one snapshot, and several scrapers may scrape at once,
 * yet the source is asked once per period. A failed read yields {@code null} until the next period
 * (a gauge then shows NaN: unknown, rather than a stale number presented as current).
 */
public final class Refreshing<T> {

    static final Logger LOG = Logger.getLogger(Refreshing.class.getName());

    private final long periodNanos;
    private final Supplier<T> source;
    private T value;
    private long readAt;
    private boolean read;

    public Refreshing(Duration period, Supplier<T> source) {
        this.periodNanos = period.toNanos();
        this.source = source;
    }

    /** The last value read, read again first when it is older than the period; null if that failed. */
    public synchronized T get() {
        var now = System.nanoTime();
        if (!read || now - readAt >= periodNanos) {
            read = true;
            readAt = now;
            try {
                value = source.get();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Gauge source failed", e);
                value = null;
            }
        }
        return value;
    }
}
