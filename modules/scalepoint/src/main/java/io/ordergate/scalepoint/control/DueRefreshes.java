package io.ordergate.scalepoint.control;

import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The refresh schedule's SQL: which orders are due, and their fetches queued.
 *
 * <p>Two short transactions per tick, so that a tick never holds an order's row while it queues a
 * job (a staff refresh takes them in the other order). The first claims up to a batch of due orders
 * with {@code FOR UPDATE SKIP LOCKED} and moves each one's next refresh an interval (plus jitter)
 * ahead, so that nodes ticking at the same moment take different orders and the next tick does not
 * take them again; an order being stored right now is skipped (it is being fetched anyway). The
 * second queues a fetch per order through the job queue's dedupe key, so a fetch that is already
 * waiting (a retry backing off, a staff refresh) is not doubled. A node that dies between the two
 * leaves its orders for the next interval.
 */
@Stateless
public class DueRefreshes {

    static final String CLAIM = """
            UPDATE sp_order SET next_refresh_at = now() + make_interval(secs => ?1 * (1 + ?2 * random()))
            WHERE order_token IN (
                SELECT order_token FROM sp_order
                WHERE next_refresh_at <= now()
                ORDER BY next_refresh_at
                LIMIT ?3
                FOR UPDATE SKIP LOCKED)
            RETURNING order_token""";

    static final String DUE = "SELECT count(*) AS due FROM sp_order WHERE next_refresh_at <= now()";

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    RefreshSchedule schedule;

    /** Up to {@code limit} due orders, each moved an interval ahead; their tokens. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> claim(int limit) {
        var interval = schedule.interval();
        if (interval == null) {
            return List.of();
        }
        return SqlRow.list(em.createNativeQuery(CLAIM)
                        .setParameter(1, interval.toMillis() / 1000.0)
                        .setParameter(2, RefreshSchedule.JITTER)
                        .setParameter(3, limit))
                .stream()
                .map(row -> row.string("order_token"))
                .toList();
    }

    /**
     * Queues a fetch per order, unless one is already waiting.
     *
     * @return how many fetches were queued
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int enqueue(List<String> orderTokens) {
        int queued = 0;
        for (var token : orderTokens) {
            if (jobs.enqueue(OrderFetchHandler.JOB_TYPE, token, OrderFetchHandler.payload(token))
                    .isPresent()) {
                queued++;
            }
        }
        return queued;
    }

    /** How many orders are due now (the database's clock). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long due() {
        return SqlRow.first(em.createNativeQuery(DUE))
                .map(row -> row.count("due"))
                .orElse(0L);
    }

    /**
     * Takes the order off the schedule for good, unless another transaction holds its row (then
     * nothing changes and the answer is false): the caller's own locks are no obstacle.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean lockIfFree(String orderToken) {
        return !em.createNativeQuery("SELECT order_token FROM sp_order WHERE order_token = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, orderToken)
                .getResultList()
                .isEmpty();
    }
}
