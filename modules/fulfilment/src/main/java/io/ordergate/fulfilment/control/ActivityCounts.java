package io.ordergate.fulfilment.control;

import io.ordergate.platform.boundary.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The dashboard's counts (FulfilmentActivity), each read from an index (V0020, V0025). */
@ApplicationScoped
public class ActivityCounts {

    public static final String DEAD = "SELECT count(*) AS n FROM ful_outbound WHERE status = 'dead'";

    public static final String NOT_SHIPPED = """
            SELECT count(*) AS n FROM ful_order
            WHERE status IN ('open', 'partially_shipped') AND received_at < ?1""";

    public static final String ATTENTION = "SELECT count(*) AS n FROM ful_order WHERE attention IS NOT NULL";

    /** Orders the platform does not know the state of: something we did was refused (a dead call). */
    public static final String DISAGREEING =
            "SELECT count(DISTINCT order_id) AS n FROM ful_outbound WHERE status = 'dead'";

    public static final String ORDERS_IN = """
            SELECT floor(extract(epoch FROM received_at) / 3600)::bigint AS hour, count(*) AS n
            FROM ful_order WHERE received_at >= ?1 AND received_at < ?2 GROUP BY 1""";

    public static final String SHIPPED = """
            SELECT floor(extract(epoch FROM received_at) / 3600)::bigint AS hour, count(*) AS n
            FROM ful_report WHERE kind = 'shipment' AND received_at >= ?1 AND received_at < ?2 GROUP BY 1""";

    public static final String FAILED = """
            SELECT floor(extract(epoch FROM settled_at) / 3600)::bigint AS hour, count(*) AS n
            FROM ful_outbound WHERE status = 'dead' AND settled_at >= ?1 AND settled_at < ?2 GROUP BY 1""";

    @PersistenceContext
    EntityManager em;

    /** One count ({@code n}); {@code parameter} is ?1 when not null. */
    public long count(String sql, Instant parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, Timestamp.from(parameter));
        }
        return SqlRow.first(query).map(row -> row.count("n")).orElse(0L);
    }

    /** Counts ({@code n}) by hour since the epoch ({@code hour}), from ?1 to ?2. */
    public Map<Long, Long> hourly(String sql, Instant start, Instant end) {
        var counts = new HashMap<Long, Long>();
        SqlRow.list(em.createNativeQuery(sql)
                        .setParameter(1, Timestamp.from(start))
                        .setParameter(2, Timestamp.from(end)))
                .forEach(row -> counts.put(row.longValue("hour"), row.count("n")));
        return counts;
    }
}
