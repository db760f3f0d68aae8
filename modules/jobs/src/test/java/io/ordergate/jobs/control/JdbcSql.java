package io.ordergate.jobs.control;

import io.ordergate.platform.boundary.SqlRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/** The queue's SQL on a plain auto-commit JDBC connection: each statement is its own transaction. */
record JdbcSql(Connection connection) implements Sql {

    /** A numbered parameter; JDBC knows only {@code ?}, so each becomes one, bound in order of appearance. */
    static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    @Override
    public int update(String sql, Object... parameters) {
        try (var statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<SqlRow> query(String sql, Object... parameters) {
        try (var statement = prepare(sql, parameters);
                var rows = statement.executeQuery()) {
            var result = new ArrayList<SqlRow>();
            var meta = rows.getMetaData();
            while (rows.next()) {
                var row = new HashMap<String, Object>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rows.getObject(i));
                }
                result.add(SqlRow.of(row));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        var order = new ArrayList<Object>();
        var jdbc = NUMBERED.matcher(sql).replaceAll(match -> {
            order.add(parameters[Integer.parseInt(match.group(1)) - 1]);
            return "?";
        });
        var statement = connection.prepareStatement(jdbc);
        for (int i = 0; i < order.size(); i++) {
            statement.setObject(i + 1, order.get(i));
        }
        return statement;
    }
}
