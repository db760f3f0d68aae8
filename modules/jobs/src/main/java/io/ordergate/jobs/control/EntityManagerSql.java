package io.ordergate.jobs.control;

import io.ordergate.platform.boundary.SqlRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/** The queue's SQL as native queries of the container's EntityManager, inside its JTA transaction. */
public record EntityManagerSql(EntityManager em) implements Sql {

    @Override
    public int update(String sql, Object... parameters) {
        return bind(em.createNativeQuery(sql), parameters).executeUpdate();
    }

    @Override
    public List<SqlRow> query(String sql, Object... parameters) {
        return SqlRow.list(bind(em.createNativeQuery(sql), parameters));
    }

    static Query bind(Query query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
