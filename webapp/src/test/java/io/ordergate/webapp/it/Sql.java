package io.ordergate.webapp.it;

import java.sql.Connection;
import java.sql.SQLException;

/** The tests' one way to ask a database for a number, and to start one afresh. */
public final class Sql {

    private Sql() {}

    /**
     * The first column of the first row of {@code sql}, on a connection it closes; a
     * {@code String[]} parameter is bound as {@code text[]} (for {@code = ANY (?)}).
     */
    public static long count(Connection connection, String sql, Object... parameters) {
        try (connection;
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Drops the database {@code name} (ending its sessions) and creates it empty, on a connection it closes. */
    public static void recreateDatabase(Connection admin, String name) {
        try (admin;
                var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name, e);
        }
    }
}
