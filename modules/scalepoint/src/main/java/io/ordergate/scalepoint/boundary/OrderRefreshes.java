package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.CircuitWatch;
import io.ordergate.scalepoint.control.DueRefreshes;
import io.ordergate.scalepoint.control.RefreshSchedule;
import io.ordergate.scalepoint.control.RefreshScheduler;
import io.ordergate.scalepoint.entity.ClaimOrder;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The refresh schedule of open Scalepoint orders: each open order's Order Data is fetched again
 * an interval after its last fetch ({@code ordergate.scalepoint.refresh-interval}, spread by a
 * random tenth of it), through the same fetch job as the first fetch. An order leaves the schedule
 * for good when an Order Data status closes it ({@code ordergate.scalepoint.refresh-closing-statuses})
 * or when fulfilment tells {@link #finished} that nothing of it is left to ship.
 *
 * <p>Every node ticks ({@code ordergate.scalepoint.refresh-tick}) and queues at most a batch of due
 * orders; the database hands each due order to one node. A node whose Order Data circuit breaker
 * refuses calls queues nothing: the fetches would only wait for the breaker.
 */
@Stateless
@DenyAll
public class OrderRefreshes {

    /**
     * The schedule's settings and how many orders are due now. {@code interval} is null (absent in
     * JSON) when the schedule is off; {@code pausedByCircuit}: this node queues nothing now, its
     * Order Data circuit breaker refuses calls.
     */
    public record Schedule(
            boolean enabled,
            Duration interval,
            Duration tick,
            int batch,
            List<String> closingStatuses,
            long due,
            boolean pausedByCircuit) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    RefreshSchedule schedule;

    @Inject
    DueRefreshes due;

    @Inject
    RefreshScheduler scheduler;

    @Inject
    CircuitWatch circuit;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Runs a tick now, for an admin (after an outage, or to see the schedule work); audited. */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RefreshTick runNow(String actor) {
        var tick = scheduler.tick();
        audit.record(AuditEntry.byUser(
                actor,
                "scalepoint.refresh-schedule.run",
                "scalepoint-refresh-schedule",
                "scalepoint",
                Map.of(
                        "outcome",
                        tick.skipped() == null ? "ran" : tick.skipped(),
                        "orders",
                        String.valueOf(tick.orderTokens().size()),
                        "queued",
                        String.valueOf(tick.queued()))));
        return tick;
    }

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Schedule schedule() {
        return new Schedule(
                schedule.enabled(),
                schedule.interval(),
                schedule.tick(),
                schedule.batch(),
                schedule.closingStatuses().stream().sorted().toList(),
                due.due(),
                circuit.orderDataRefusing(clock.instant()));
    }

    /**
     * Fulfilment is done with the order (everything shipped or cancelled): it leaves the schedule,
     * in the caller's transaction. Never waits: when another transaction holds the order's row (a
     * fetch storing it right now), nothing changes, and the caller tells again at its next change.
     *
     * @param orderToken in any case
     * @return whether the order is off the schedule now
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean finished(String orderToken, String why) {
        var token = orderToken.toLowerCase(Locale.ROOT);
        if (!due.lockIfFree(token)) {
            return false;
        }
        var order = em.find(ClaimOrder.class, token);
        if (order == null) {
            return false;
        }
        order.stopRefreshing(why);
        return true;
    }
}
