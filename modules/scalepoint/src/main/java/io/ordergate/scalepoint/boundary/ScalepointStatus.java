package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.CircuitWatch;
import io.ordergate.scalepoint.control.OutboundConnection;
import io.ordergate.scalepoint.control.ScalepointConfig;
import io.ordergate.scalepoint.control.StatusCounts;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** How the Scalepoint integration is doing, at a glance: for the dashboard and the admin API. */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ScalepointStatus {

    @Inject
    StatusCounts counts;

    @Inject
    OutboundConnection connection;

    @Inject
    ScalepointOrders orders;

    @Inject
    CircuitWatch circuit;

    @Inject
    ScalepointConfig config;

    /** The last fetch that failed: which order, when, why. */
    public record LastError(String orderToken, Instant at, Integer httpStatus, String error) {}

    /**
     * {@code circuit}: {@code open} while this node's Order Data calls are refused by the circuit
     * breaker (since {@code circuitOpenSince}), else {@code closed}. {@code orders}: count per
     * status.
     */
    public record Status(
            String receiveMode,
            boolean connected,
            String circuit,
            Instant circuitOpenSince,
            Map<String, Long> orders,
            long eventsLast24h,
            LastError lastFetchError) {}

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Status status() {
        var orders = this.orders.countByStatus();
        var lastError = counts.lastFailedFetch()
                .map(failed -> new LastError(failed.orderToken(), failed.at(), failed.httpStatus(), failed.error()))
                .orElse(null);
        var openSince = circuit.openSince();
        return new Status(
                config.longPoll() ? "long-poll" : "webhook",
                connection.stored().isPresent(),
                openSince == null ? "closed" : "open",
                openSince,
                orders,
                counts.eventsLast24h(),
                lastError);
    }
}
