package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.scalepoint.entity.ConnectionSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundConnectionTest {

    static OutboundConnection connection() {
        var config = new ScalepointConfig();
        config.tokenUrl = "https://accounts.example/connect/token";
        config.orderDataUrl = "https://orders.example";
        config.eventApiUrl = "https://events.example";
        var connection = new OutboundConnection();
        connection.config = config;
        return connection;
    }

    static ConnectionSettings stored(String tokenUrl, String orderDataUrl, String eventApiUrl) {
        return new ConnectionSettings(
                new ConnectionSettings.Values(
                        "client", List.of("orderdata"), "scalepoint", "dk", tokenUrl, orderDataUrl, eventApiUrl, null),
                Instant.parse("2026-01-01T00:00:00Z"),
                "admin");
    }

    @Test
    void urlsNotStoredAreTheConfiguredDefaults() {
        var connection = connection();
        var stored = stored(null, null, null);

        assertThat(connection.tokenUrl(stored)).isEqualTo("https://accounts.example/connect/token");
        assertThat(connection.orderDataUrl(stored)).isEqualTo("https://orders.example");
        assertThat(connection.eventApiUrl(stored)).isEqualTo("https://events.example");
    }

    @Test
    void storedUrlsWin() {
        var connection = connection();
        var stored = stored("https://t.example/token", "https://o.example", "https://e.example");

        assertThat(connection.tokenUrl(stored)).isEqualTo("https://t.example/token");
        assertThat(connection.orderDataUrl(stored)).isEqualTo("https://o.example");
        assertThat(connection.eventApiUrl(stored)).isEqualTo("https://e.example");
    }
}
