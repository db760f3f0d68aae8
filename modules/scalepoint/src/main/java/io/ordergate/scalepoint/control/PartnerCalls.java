package io.ordergate.scalepoint.control;

import io.ordergate.jobs.boundary.JobResult;
import io.ordergate.scalepoint.boundary.ScalepointConnection;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/** Turns whatever keeps a call to Scalepoint from getting an answer into the job queue's verdict: try again later. */
final class PartnerCalls {

    private PartnerCalls() {
    }

    /** @param watch told whether the call got through the circuit breaker, or null */
    static JobResult guarded(CircuitWatch watch, Supplier<JobResult> call) {
        try {
            var result = call.get();
            if (watch != null) {
                watch.called();
            }
            return result;
        } catch (CircuitBreakerOpenException e) {
            if (watch != null) {
                watch.refused(Instant.now());
            }
            return JobResult.retry(null, ScalepointConnection.describe(e), null);
        } catch (NotConnected e) {
            return JobResult.retry(null, e.getMessage(), null);
        } catch (PartnerUnavailable e) {
            // A failed call changes nothing seen here: in a half-open breaker it opens it again.
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
