package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnerClientsTest {

    static final Instant NOW = Instant.parse("2026-12-08T09:00:00Z");

    static PartnerResponse answer(int status, Map<String, List<String>> headers) {
        return new PartnerResponse(status, headers, "{\"errors\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    static RuntimeException noAnswer(Exception root) {
        return new PartnerUnavailable(null, "could not be reached", null, new RuntimeException("wrapped", root));
    }

    @Test
    void aFailureBeforeTheRequestLeftIsToldFromOneThatMayHaveReachedThePartner() {
        assertThat(PartnerClients.beforeSending(noAnswer(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(PartnerClients.beforeSending(noAnswer(new UnknownHostException("nowhere.example"))))
                .isTrue();
        assertThat(PartnerClients.beforeSending(noAnswer(new SocketTimeoutException("Connect timed out"))))
                .isTrue();
        assertThat(PartnerClients.beforeSending(noAnswer(new SocketTimeoutException("Read timed out"))))
                .isFalse();
        assertThat(PartnerClients.beforeSending(noAnswer(new java.io.IOException("Connection reset"))))
                .isFalse();
    }

    @Test
    void a429And5xxAreThrownWithTheirRetryAfterAndEverythingElseIsReturned() {
        assertThatThrownBy(() -> PartnerClients.unlessUnavailable(
                        "X", answer(429, Map.of("Retry-After", List.of("7"))), NOW, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(RateLimited.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThatThrownBy(
                        () -> PartnerClients.unlessUnavailable("X", answer(429, Map.of()), NOW, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        assertThatThrownBy(() -> PartnerClients.unlessUnavailable(
                        "X", answer(503, Map.of("retry-after", List.of("2"))), NOW, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(PartnerUnavailable.class, e -> {
                    assertThat(e).isNotInstanceOf(RateLimited.class);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(e.getMessage()).startsWith("X answered 503 (Retry-After 2 s)");
                });
        assertThat(PartnerClients.unlessUnavailable("X", answer(400, Map.of()), NOW, Duration.ofSeconds(5))
                        .status())
                .isEqualTo(400);
    }
}
