package io.ordergate.scalepoint.control;

import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.platform.boundary.BadPartnerResponse;
import io.ordergate.platform.boundary.PartnerUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Turns whatever keeps a call to Scalepoint from getting an answer into the job queue's verdict: a
 * failed attempt to retry later, or, when a circuit breaker refused the call, no attempt at all
 * and a wait until the breaker lets calls through.
 */
final class PartnerCalls {

    private PartnerCalls() {}

    static JobResult guarded(Supplier<JobResult> call) {
        try {
            return call.get();
        } catch (CircuitOpen e) {
            return JobResult.deferred(e.getMessage(), Duration.between(Instant.now(), e.until()));
        } catch (NotConnected e) {
            return JobResult.retry(null, e.getMessage(), null);
        } catch (PartnerUnavailable e) {
            return JobResult.retry(e.status(), e.getMessage(), e.retryAfter());
        } catch (TokenFailure e) {
            return JobResult.retry(e.status(), "No access token: " + e.getMessage(), null);
        } catch (BadPartnerResponse e) {
            return JobResult.retry(e.status(), e.getMessage(), null);
        } catch (FaultToleranceException e) {
            return JobResult.retry(null, describe(e), null);
        }
    }

    /** A failure as one line for staff: the message when it is ours, the kind of failure otherwise. */
    static String describe(Throwable failure) {
        var message = failure.getMessage();
        var name = failure.getClass().getSimpleName();
        return switch (name) {
            case "CircuitBreakerOpenException" ->
                "Scalepoint failed repeatedly; OrderGate pauses calls for a while " + "(circuit breaker open).";
            case "TimeoutException" -> "Scalepoint did not answer in time.";
            case "BulkheadException" -> "Too many calls to Scalepoint at once; tried again later.";
            default -> message == null ? name : message;
        };
    }
}
