package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.fulfilment.control.ScayleOutbound;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/**
 * Staff's retry of a dead call to a platform ({@code ful_outbound}): the row is {@code pending}
 * again and its job runs again now (the dead job itself, so the Jobs view stays true), all in one
 * transaction and audited ({@code fulfilment.outbound.retried}).
 */
@Stateless
@DenyAll
public class OutboundRetry {

    static final String ROW =
            "SELECT order_id, platform, kind, status FROM ful_outbound WHERE outbound_id = ?1 FOR UPDATE";

    static final String PENDING_AGAIN = """
            UPDATE ful_outbound SET status = 'pending', settled_at = NULL WHERE outbound_id = ?1 AND status = 'dead'""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    /**
     * @throws ProblemException 404 unknown, 409 when the call is not dead or is not retried here
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public void retry(long outboundId, String actor) {
        var row = SqlRow.first(em.createNativeQuery(ROW).setParameter(1, outboundId))
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
        em.createNativeQuery(PENDING_AGAIN).setParameter(1, outboundId).executeUpdate();
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
