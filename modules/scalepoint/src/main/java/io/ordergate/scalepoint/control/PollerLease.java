package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.SqlRow;
import io.ordergate.scalepoint.boundary.PollerStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/**
 * The long poller's one row ({@code sp_poller}): the lease that lets one node poll at a time and
 * the cursor. Native SQL on purpose: the lease is taken and checked against the database's clock
 * ({@code now()}), the one clock all nodes share, in single conditional updates.
 */
@Stateless
public class PollerLease {

    static final int MAX_ERROR = 2000;

    @PersistenceContext
    EntityManager em;

    /**
     * Takes the long-poll lease for {@code node} (one poller across all nodes), or keeps it.
     *
     * @return whether {@code node} holds the lease now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean take(String node, Duration lease) {
        return em.createNativeQuery("UPDATE sp_poller SET holder = ?1, lease_until = now() + make_interval(secs => ?2) "
                                + "WHERE poller_id = 1 AND (holder IS NULL OR holder = ?1 OR lease_until < now())")
                        .setParameter(1, node)
                        .setParameter(2, (double) lease.toSeconds())
                        .executeUpdate()
                == 1;
    }

    /** Lets another node take over at once (this node stops). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String node) {
        em.createNativeQuery("UPDATE sp_poller SET holder = NULL, lease_until = NULL WHERE poller_id = 1 "
                        + "AND holder = ?1")
                .setParameter(1, node)
                .executeUpdate();
    }

    /**
     * Moves the cursor past a stored batch, in the transaction that stored it.
     *
     * @throws IllegalStateException when {@code node} no longer holds the lease
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void moveCursor(String cursor, int stored, String node) {
        int moved = em.createNativeQuery("UPDATE sp_poller SET last_event_id = ?1, last_polled_at = now(), "
                        + "last_error = NULL, events_received = events_received + ?2 "
                        + "WHERE poller_id = 1 AND holder = ?3 AND lease_until > now()")
                .setParameter(1, cursor)
                .setParameter(2, stored)
                .setParameter(3, node)
                .executeUpdate();
        if (moved != 1) {
            throw new IllegalStateException(
                    "Node " + node + " lost the long-poll lease; the batch is left to the " + "node that holds it.");
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String node, String error) {
        em.createNativeQuery("UPDATE sp_poller SET last_error = ?1, last_polled_at = now() WHERE poller_id = 1 "
                        + "AND holder = ?2")
                .setParameter(1, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
                .setParameter(2, node)
                .executeUpdate();
    }

    /** Where the long poller goes on from: the last event id it received, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String cursor() {
        return status().lastEventId();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PollerStatus status() {
        var row = SqlRow.first(em.createNativeQuery("SELECT last_event_id, holder, lease_until, last_polled_at, "
                        + "last_error, events_received FROM sp_poller WHERE poller_id = 1"))
                .orElseThrow();
        return new PollerStatus(
                row.string("last_event_id"),
                row.string("holder"),
                row.instant("lease_until"),
                row.instant("last_polled_at"),
                row.string("last_error"),
                row.count("events_received"));
    }
}
