package io.ordergate.jobs.control;

import java.util.List;

/**
 * Where the queue's SQL runs: the container's EntityManager (joining the JTA transaction) or, in
 * tests, a plain JDBC connection. Parameters are positional {@code ?}.
 */
public interface Sql {

    int update(String sql, Object... parameters);

    List<Object[]> query(String sql, Object... parameters);
}
