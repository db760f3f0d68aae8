package io.ordergate.scalepoint.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What this node's calls to Scalepoint's Order Data API last saw of the circuit breaker: open
 * from the first call it refused, closed again with the first call that got an answer through.
 * Fault Tolerance keeps the breaker itself; this only makes its state visible to staff, and as the
 * gauge {@code ordergate.scalepoint.circuit.open} (1 open, 0 closed) also to monitoring, where
 * Fault Tolerance's own {@code ft.circuitbreaker.state} appears only once the method was called.
 */
@ApplicationScoped
public class CircuitWatch {

    private final AtomicReference<Instant> openSince = new AtomicReference<>();

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("ordergate.scalepoint.circuit.open")
                .withDescription("1 while this node's Order Data calls are refused by the circuit breaker, else 0")
                .build(), this, watch -> watch.openSince() == null ? 0 : 1);
    }

    public void refused(Instant now) {
        openSince.compareAndSet(null, now);
    }

    public void called() {
        openSince.set(null);
    }

    /** When the breaker was first seen open, or null while calls go through. */
    public Instant openSince() {
        return openSince.get();
    }
}
