package io.ordergate.jobs.control;

import io.ordergate.platform.boundary.SqlRow;
import java.util.List;

/**
 * Where the queue's SQL runs: the container's EntityManager (joining the JTA transaction) or, in
 * tests, a plain JDBC connection. Parameters are numbered {@code ?1}, {@code ?2}; rows are read by
 * column name.
 */
public interface Sql {

    int update(String sql, Object... parameters);

    List<SqlRow> query(String sql, Object... parameters);
}
