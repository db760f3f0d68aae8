package io.ordergate.scalepoint.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this node's calls to Scalepoint's Order Data API last saw of the circuit breaker: open
 * from the first call it refused, closed again with the first call that got an answer through.
 * Fault Tolerance keeps the breaker itself; this only makes its state visible to staff.
 */
@ApplicationScoped
public class CircuitWatch {

    private final AtomicReference<Instant> openSince = new AtomicReference<>();

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
