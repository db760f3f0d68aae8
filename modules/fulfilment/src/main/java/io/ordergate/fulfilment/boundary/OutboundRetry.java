package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.fulfilment.control.OutboundRows;
import io.ordergate.fulfilment.control.ScayleOutbound;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Staff's retry of a dead call to a platform ({@code ful_outbound}): the row is {@code pending}
 * again and its job runs again now (the dead job itself, so the Jobs view stays true), all in one
 * transaction and audited ({@code fulfilment.outbound.retried}).
 */
@Stateless
@DenyAll
public class OutboundRetry {

    @Inject
    OutboundRows rows;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    /**
     * @throws ProblemException 404 unknown, 409 when the call is not dead or is not retried here
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public void retry(long outboundId, String actor) {
        var row = rows.locked(outboundId)
                .orElseThrow(
                        () -> new ProblemException(404, "Not Found", "There is no outbound call " + outboundId + "."));
        if (!"dead".equals(row.string("status"))) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "Call " + outboundId + " is " + row.string("status") + "; only a dead call can be retried.");
        }
        if (!"scayle".equals(row.string("platform"))) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "Call " + outboundId + " goes to " + row.string("platform")
                            + ": retry its publication (or its job) instead.");
        }
        var key = ScayleOutbound.dedupeKey(outboundId);
        var dead = jobs.deadFor(ScayleOutbound.JOB_TYPE, key);
        if (dead.isPresent()) {
            jobs.retry(dead.get(), actor);
        } else {
            jobs.request(ScayleOutbound.JOB_TYPE, key, ScayleOutbound.payload(outboundId));
        }
        rows.pendingAgain(outboundId);
        var orderId = row.string("order_id");
        audit.record(AuditEntry.byUser(
                actor,
                "fulfilment.outbound.retried",
                "fulfilment-order",
                orderId,
                Map.of(
                        "outboundId", String.valueOf(outboundId),
                        "platform", row.string("platform"),
                        "kind", row.string("kind"),
                        "job", dead.map(String::valueOf).orElse("new"))));
    }
}
