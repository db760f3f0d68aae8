package io.ordergate.platform.control;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** The one row of {@code platform_master_key}: the master key's check value and when it was stored. */
public record MasterKeyCheckTable(DataSource dataSource) {

    public record Stored(byte[] checkValue, Instant createdAt) {}

    /** Stores {@code checkValue} unless a value is stored already (another node may race), and returns the stored one. */
    public Stored storeIfAbsent(byte[] checkValue, Instant now) {
        try (var connection = dataSource.getConnection()) {
            try (var insert = connection.prepareStatement("INSERT INTO platform_master_key (key_id, check_value, "
                    + "created_at) VALUES (1, ?, ?) ON CONFLICT (key_id) DO NOTHING")) {
                insert.setBytes(1, checkValue);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.executeUpdate();
            }
            try (var select = connection.prepareStatement(
                            "SELECT check_value, created_at FROM platform_master_key " + "WHERE key_id = 1");
                    var row = select.executeQuery()) {
                row.next();
                return new Stored(
                        row.getBytes("check_value"),
                        row.getTimestamp("created_at").toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read or store the master key's check value: " + e.getMessage(), e);
        }
    }
}
