package io.ordergate.jobs.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The queue's SQL on a plain auto-commit JDBC connection: each statement is its own transaction. */
record JdbcSql(Connection connection) implements Sql {

    @Override
    public int update(String sql, Object... parameters) {
        try (var statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Object[]> query(String sql, Object... parameters) {
        try (var statement = prepare(sql, parameters); var rows = statement.executeQuery()) {
            var result = new ArrayList<Object[]>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                var row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getObject(i + 1);
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
