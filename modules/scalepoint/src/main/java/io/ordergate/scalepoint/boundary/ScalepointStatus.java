package io.ordergate.scalepoint.boundary;

import io.ordergate.scalepoint.control.CircuitWatch;
import io.ordergate.scalepoint.control.ScalepointConfig;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the Scalepoint integration is doing, at a glance: for the dashboard and the admin API. */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ScalepointStatus {

    @PersistenceContext
    EntityManager em;

    @Inject
    CircuitWatch circuit;

    @Inject
    ScalepointConfig config;

    /** The last fetch that failed: which order, when, why. */
    public record LastError(String orderToken, Instant at, Integer httpStatus, String error) {
    }

    /**
     * {@code circuit}: {@code open} while this node's Order Data calls are refused by the circuit
     * breaker (since {@code circuitOpenSince}), else {@code closed}. {@code orders}: count per
     * status.
     */
    public record Status(String receiveMode, boolean connected, String circuit, Instant circuitOpenSince,
            Map<String, Long> orders, long eventsLast24h, LastError lastFetchError) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Status status() {
        var orders = new LinkedHashMap<String, Long>();
        ScalepointOrders.STATUSES.forEach(status -> orders.put(status, 0L));
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("SELECT status, count(*) FROM sp_order GROUP BY status")
                .getResultList();
        counts.forEach(row -> orders.put((String) row[0], ((Number) row[1]).longValue()));
        long events = ((Number) em.createNativeQuery("SELECT count(*) FROM sp_event WHERE received_at > now() - "
                + "interval '24 hours'").getSingleResult()).longValue();
        boolean connected = !em.createNativeQuery("SELECT 1 FROM sp_connection").getResultList().isEmpty();
        @SuppressWarnings("unchecked")
        List<Object[]> failed = em.createNativeQuery("SELECT order_token, finished_at, http_status, error FROM sp_fetch "
                + "WHERE outcome = 'failed' ORDER BY fetch_id DESC LIMIT 1").getResultList();
        var lastError = failed.stream().findFirst().map(r -> new LastError((String) r[0],
                ((Timestamp) r[1]).toInstant(), r[2] == null ? null : ((Number) r[2]).intValue(), (String) r[3]))
                .orElse(null);
        var openSince = circuit.openSince();
        return new Status(config.longPoll() ? "long-poll" : "webhook", connected, openSince == null ? "closed" : "open",
                openSince, orders, events, lastError);
    }
}
