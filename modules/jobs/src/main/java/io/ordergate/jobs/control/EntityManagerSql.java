package io.ordergate.jobs.control;

import jakarta.persistence.EntityManager;
import java.util.List;

/** The queue's SQL as native queries of the container's EntityManager, inside its JTA transaction. */
public record EntityManagerSql(EntityManager em) implements Sql {

    @Override
    public int update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    @Override
    public List<Object[]> query(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> row instanceof Object[] columns ? columns : new Object[] {row}).toList();
    }
}
