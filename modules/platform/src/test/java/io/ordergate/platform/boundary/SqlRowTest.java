package io.ordergate.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlRowTest {

    @Test
    void readsColumnsByNameInTheTypesTheDriverReturns() {
        var at = Instant.parse("2026-12-07T12:00:00.123456Z");
        var id = UUID.randomUUID();
        var columns = new HashMap<String, Object>();
        columns.put("created_at", Timestamp.from(at));
        columns.put("id", id);
        columns.put("n", 7);
        columns.put("total", new BigDecimal("12.50"));
        columns.put("note", null);
        var row = new SqlRow(columns);

        assertEquals(at, row.instant("created_at"));
        assertEquals(id, row.uuid("id"));
        assertEquals(7L, row.longValue("n"));
        assertEquals(7, row.integer("n"));
        assertEquals(new BigDecimal("12.50"), row.decimal("total"));
        assertNull(row.string("note"));
        assertNull(row.instant("note"));
    }

    @Test
    void aColumnTheQueryDidNotSelectIsAnErrorNotANull() {
        var row = new SqlRow(new HashMap<String, Object>());
        var error = assertThrows(IllegalArgumentException.class, () -> row.string("status"));
        assertEquals("The query selected no column 'status'", error.getMessage());
    }
}
