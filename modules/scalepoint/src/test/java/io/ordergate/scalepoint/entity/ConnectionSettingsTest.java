package io.ordergate.scalepoint.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static ConnectionSettings settings(List<String> scopes, byte[] sealedSecret) {
        return new ConnectionSettings(
                new ConnectionSettings.Values("client", scopes, "scalepoint", "dk", null, null, null, sealedSecret),
                NOW,
                "admin");
    }

    @Test
    void scopesAreStoredAsTheTokenEndpointTakesThemAndListedOneByOne() {
        var settings = settings(List.of("orderdata", "events"), null);

        assertThat(settings.scopes()).isEqualTo("orderdata events");
        assertThat(settings.scopeList()).containsExactly("orderdata", "events");
        assertThat(settings(List.of(), null).scopeList()).isEmpty();
    }

    @Test
    void aClientSecretDecidesTheAuthentication() {
        assertThat(settings(List.of(), null).authentication()).isEqualTo("private_key_jwt");
        assertThat(settings(List.of(), new byte[] {1}).authentication()).isEqualTo("client_secret");
    }

    @Test
    void aChangeReplacesEverySettingIncludingTheSecret() {
        var settings = settings(List.of("a"), new byte[] {1});
        var later = NOW.plusSeconds(60);

        settings.change(
                new ConnectionSettings.Values(
                        "other", List.of("b"), "t", "se", "https://token.example", null, null, null),
                later,
                "root");

        assertThat(settings.clientId()).isEqualTo("other");
        assertThat(settings.scopes()).isEqualTo("b");
        assertThat(settings.tokenUrl()).isEqualTo("https://token.example");
        assertThat(settings.withClientSecret()).isFalse();
        assertThat(settings.updatedAt()).isEqualTo(later);
        assertThat(settings.updatedBy()).isEqualTo("root");
    }
}
