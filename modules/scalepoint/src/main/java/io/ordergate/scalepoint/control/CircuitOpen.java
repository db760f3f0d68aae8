package io.ordergate.scalepoint.control;

import jakarta.ejb.ApplicationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** A call refused by an open circuit breaker, with the moment the breaker lets calls through again. */
@ApplicationException(rollback = true)
public class CircuitOpen extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Instant until;

    public CircuitOpen(String what, Instant until, CircuitBreakerOpenException cause) {
        super(
                "Waiting for the circuit breaker until " + until.truncatedTo(ChronoUnit.SECONDS) + ": " + what
                        + " failed repeatedly, so OrderGate " + "pauses calls to it (circuit breaker open).",
                cause);
        this.until = until;
    }

    /** When the breaker lets calls through again (half-open). */
    public Instant until() {
        return until;
    }
}
