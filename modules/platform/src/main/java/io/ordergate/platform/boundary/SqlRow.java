package io.ordergate.platform.boundary;

import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a native query, read by column name. Native SQL is kept for what a PostgreSQL feature
 * is the point of ({@code ON CONFLICT}, {@code SKIP LOCKED}, bulk work); its rows are read through
 * this class so that no code indexes {@code Object[]} rows by position. Parameters are numbered,
 * {@code ?1}, {@code ?2}, the one style for native queries in OrderGate.
 *
 * <p>EclipseLink returns each row as a map keyed by column label when the query carries the hint
 * {@code eclipselink.result-type=Map}; PostgreSQL folds unquoted labels to lower case.
 */
public final class SqlRow {

    private static final String RESULT_TYPE = "eclipselink.result-type";

    private final Map<?, ?> columns;

    SqlRow(Map<?, ?> columns) {
        this.columns = columns;
    }

    /** Every row of a native query, in order. */
    public static List<SqlRow> list(Query query) {
        query.setHint(RESULT_TYPE, "Map");
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> new SqlRow((Map<?, ?>) row)).toList();
    }

    /** A row read some other way, as column label to value: plain JDBC, for instance, in tests. */
    public static SqlRow of(Map<String, ?> columns) {
        return new SqlRow(columns);
    }

    /** The first row of a native query, if any. */
    public static Optional<SqlRow> first(Query query) {
        return list(query.setMaxResults(1)).stream().findFirst();
    }

    /** The value as the driver returned it; a column the query did not select is a programming error. */
    public Object get(String column) {
        var value = columns.get(column);
        if (value == null && !columns.containsKey(column)) {
            throw new IllegalArgumentException("The query selected no column '" + column + "'");
        }
        return value;
    }

    public String string(String column) {
        var value = get(column);
        // jsonb and other PostgreSQL types arrive as driver objects whose text is the value.
        return value == null ? null : value.toString();
    }

    public Long longValue(String column) {
        return get(column) instanceof Number number ? number.longValue() : null;
    }

    public long count(String column) {
        var value = longValue(column);
        return value == null ? 0 : value;
    }

    public Integer integer(String column) {
        return get(column) instanceof Number number ? number.intValue() : null;
    }

    public Boolean bool(String column) {
        return (Boolean) get(column);
    }

    public BigDecimal decimal(String column) {
        var value = get(column);
        return value == null ? null : value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    public UUID uuid(String column) {
        var value = get(column);
        return value == null ? null : value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }

    public byte[] bytes(String column) {
        return (byte[]) get(column);
    }

    public Instant instant(String column) {
        var value = get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    @Override
    public String toString() {
        return "SqlRow" + columns.keySet();
    }
}
