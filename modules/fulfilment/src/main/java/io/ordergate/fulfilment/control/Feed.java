package io.ordergate.fulfilment.control;

import io.ordergate.fulfilment.boundary.FeedChange;
import io.ordergate.fulfilment.boundary.OrderState;
import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.SqlRow;
import io.ordergate.scalepoint.boundary.OrderRefreshes;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * The order feed (fulfilment spec §2): every change of an order, in an order a reader can follow
 * without ever skipping one.
 *
 * <p>Why a plain sequence is not enough: a writer takes its number before it commits, so a reader
 * can see 12 committed while 11 is still in flight, move its cursor past 11, and never see it.
 * Here a writer takes no number at all: {@link #append} inserts the change with {@code position}
 * null, in the transaction that changes the order. Positions are given later by {@link #sequence},
 * in a transaction of its own that first locks the single row of {@code ful_feed_head}, so sweeps
 * run one at a time on any number of nodes; each sweep gives the next positions, in insertion order,
 * to the changes that are committed and still without one, and moves the head. A change still in
 * flight is invisible to the sweep and gets a position in a later sweep, larger than every position
 * given before. So a reader, who only ever sees changes with a position, sees them in position order
 * and every position it will ever see later is larger than the ones it has: none can be skipped.
 *
 * <p>For one order, changes are made under its row lock, so each is inserted after the previous one
 * committed: the feed carries an order's versions in order. Readers sweep before they read (and
 * while they wait), so no background process is needed for the feed to move.
 */
@Stateless
public class Feed {

    /** At most this many changes get positions per sweep; a reader sweeps again while it finds more. */
    public static final int SWEEP = 1_000;

    static final String APPEND = """
            INSERT INTO ful_feed_change (order_id, kind, version, document, created_at)
            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS timestamptz))""";

    static final String LOCK_HEAD = "SELECT last_position FROM ful_feed_head FOR UPDATE";

    static final String NUMBER = """
            UPDATE ful_feed_change c SET position = ?1 + n.rank, sequenced_at = CAST(?2 AS timestamptz)
            FROM (SELECT change_id, row_number() OVER (ORDER BY change_id) AS rank
                  FROM ful_feed_change WHERE position IS NULL ORDER BY change_id LIMIT ?3) n
            WHERE c.change_id = n.change_id AND c.position IS NULL""";

    static final String MOVE_HEAD =
            "UPDATE ful_feed_head SET last_position = (SELECT coalesce(max(position), 0) FROM ful_feed_change)";

    static final String READ = """
            SELECT position, kind, document FROM ful_feed_change
            WHERE position > ?1 ORDER BY position LIMIT ?2""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    OrderRefreshes refreshes;

    /** Records a change of the order, in the caller's transaction: the order's document as it is now. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void append(FulfilmentOrder order, List<FulfilmentItem> items, String kind) {
        em.createNativeQuery(APPEND)
                .setParameter(1, order.orderId())
                .setParameter(2, kind)
                .setParameter(3, order.version())
                .setParameter(4, OrderDocuments.document(order, items))
                .setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
        finished(refreshes, order, items);
    }

    /**
     * A Scalepoint order with nothing left to ship (shipped or cancelled) is finished: Scalepoint's
     * refresh schedule stops fetching it. Every change of an order passes through {@link #append}, so
     * this is the one place that tells, whichever change finished it.
     */
    static void finished(OrderRefreshes refreshes, FulfilmentOrder order, List<FulfilmentItem> items) {
        var status = order.status();
        if ("scalepoint".equals(order.source())
                && !items.isEmpty()
                && (status == OrderState.SHIPPED || status == OrderState.CANCELLED)) {
            refreshes.finished(order.reference(), "Fulfilment: the order is " + LowerCaseEnum.wire(status) + ".");
        }
    }

    /**
     * One sweep: positions for the changes committed so far that have none, after the head.
     *
     * @return how many changes got a position
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sequence() {
        long head = ((Number) em.createNativeQuery(LOCK_HEAD).getSingleResult()).longValue();
        // a statement of its own, so that its snapshot is taken after the lock: it sees every change
        // the previous sweep numbered, and (READ COMMITTED) every change committed until now
        int numbered = em.createNativeQuery(NUMBER)
                .setParameter(1, head)
                .setParameter(2, Timestamp.from(clock.instant()))
                .setParameter(3, SWEEP)
                .executeUpdate();
        if (numbered > 0) {
            em.createNativeQuery(MOVE_HEAD).executeUpdate();
        }
        return numbered;
    }

    /**
     * Sweeps until nothing committed is left without a position: a backlog of more than one sweep is
     * numbered whole, each sweep in its own transaction, before the caller reads or pushes.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void catchUp() {
        var self = context.getBusinessObject(Feed.class);
        while (self.sequence() == SWEEP) {
            // a full sweep: there may be more
        }
    }

    /** The changes after {@code after} that have positions, in position order (sweep first to include the latest). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<FeedChange> read(long after, int limit) {
        return SqlRow.list(em.createNativeQuery(READ).setParameter(1, after).setParameter(2, limit)).stream()
                .map(row -> new FeedChange(row.longValue("position"), row.string("kind"), row.string("document")))
                .toList();
    }
}
