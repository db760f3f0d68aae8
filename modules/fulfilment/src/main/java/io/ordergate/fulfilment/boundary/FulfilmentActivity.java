package io.ordergate.fulfilment.boundary;

import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is stuck and what happened per hour, for the console's dashboard: counts only (no customer's
 * data, so not audited), each read from an index (V0020, V0025).
 */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FulfilmentActivity {

    /** The dashboard's "not shipped after N days" when nobody says otherwise. */
    public static final int DEFAULT_NOT_SHIPPED_DAYS = 3;

    /** At most this many hours in one {@link #hourly} answer (a month). */
    public static final int MAX_HOURS = 24 * 31;

    static final String DEAD = "SELECT count(*) AS n FROM ful_outbound WHERE status = 'dead'";

    static final String NOT_SHIPPED = """
            SELECT count(*) AS n FROM ful_order
            WHERE status IN ('open', 'partially_shipped') AND received_at < ?1""";

    static final String ATTENTION = "SELECT count(*) AS n FROM ful_order WHERE attention IS NOT NULL";

    /** Orders the platform does not know the state of: something we did was refused (a dead call). */
    static final String DISAGREEING = "SELECT count(DISTINCT order_id) AS n FROM ful_outbound WHERE status = 'dead'";

    static final String ORDERS_IN = """
            SELECT floor(extract(epoch FROM received_at) / 3600)::bigint AS hour, count(*) AS n
            FROM ful_order WHERE received_at >= ?1 AND received_at < ?2 GROUP BY 1""";

    static final String SHIPPED = """
            SELECT floor(extract(epoch FROM received_at) / 3600)::bigint AS hour, count(*) AS n
            FROM ful_report WHERE kind = 'shipment' AND received_at >= ?1 AND received_at < ?2 GROUP BY 1""";

    static final String FAILED = """
            SELECT floor(extract(epoch FROM settled_at) / 3600)::bigint AS hour, count(*) AS n
            FROM ful_outbound WHERE status = 'dead' AND settled_at >= ?1 AND settled_at < ?2 GROUP BY 1""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * What is stuck now.
     *
     * @param notShippedDays orders received more than this many days ago with units left to ship
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Stuck stuck(int notShippedDays) {
        if (notShippedDays < 1) {
            throw new ProblemException(400, "Bad Request", "The days must be 1 or more.");
        }
        var before = clock.instant().minus(Duration.ofDays(notShippedDays));
        return new Stuck(
                count(DEAD, null),
                notShippedDays,
                count(NOT_SHIPPED, before),
                count(ATTENTION, null),
                count(DISAGREEING, null));
    }

    /**
     * Orders in, shipments reported and calls to a platform that ended dead, per hour (UTC hours),
     * from the hour of {@code from} up to and including the hour of {@code to}, oldest first, every
     * hour present (zeros too).
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<Hour> hourly(Instant from, Instant to) {
        var start = from.truncatedTo(ChronoUnit.HOURS);
        var end = to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        long hours = Duration.between(start, end).toHours();
        if (hours < 1 || hours > MAX_HOURS) {
            throw new ProblemException(400, "Bad Request", "Between 1 and " + MAX_HOURS + " hours, from before to.");
        }
        var in = grouped(ORDERS_IN, start, end);
        var shipped = grouped(SHIPPED, start, end);
        var failed = grouped(FAILED, start, end);
        var result = new ArrayList<Hour>();
        for (long h = start.getEpochSecond() / 3600; h < end.getEpochSecond() / 3600; h++) {
            result.add(new Hour(
                    Instant.ofEpochSecond(h * 3600),
                    in.getOrDefault(h, 0L),
                    shipped.getOrDefault(h, 0L),
                    failed.getOrDefault(h, 0L)));
        }
        return result;
    }

    long count(String sql, Instant parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, Timestamp.from(parameter));
        }
        return SqlRow.first(query).map(row -> row.count("n")).orElse(0L);
    }

    Map<Long, Long> grouped(String sql, Instant start, Instant end) {
        var counts = new HashMap<Long, Long>();
        SqlRow.list(em.createNativeQuery(sql)
                        .setParameter(1, Timestamp.from(start))
                        .setParameter(2, Timestamp.from(end)))
                .forEach(row -> counts.put(row.longValue("hour"), row.count("n")));
        return counts;
    }

    /**
     * What is stuck.
     *
     * @param deadCalls calls to a platform (SCAYLE's Admin API) that ended dead and wait for staff
     * @param notShipped orders received more than {@code notShippedDays} ago with units left to ship
     * @param attention orders flagged for staff
     * @param disagreeing orders whose platform does not know their state: some shipment, cancellation
     *     or return of ours was refused by it (a dead call)
     */
    public record Stuck(long deadCalls, int notShippedDays, long notShipped, long attention, long disagreeing) {}

    /** One hour (its start) of activity. */
    public record Hour(Instant hour, long ordersIn, long shipped, long failed) {}
}
