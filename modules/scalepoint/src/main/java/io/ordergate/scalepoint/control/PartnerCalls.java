package io.ordergate.scalepoint.control;

import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.scalepoint.boundary.ScalepointConnection;
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

    private PartnerCalls() {
    }

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
            return JobResult.retry(null, ScalepointConnection.describe(e), null);
        }
    }
}
