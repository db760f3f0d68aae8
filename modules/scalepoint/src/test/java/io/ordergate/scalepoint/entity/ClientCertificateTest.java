package io.ordergate.scalepoint.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientCertificateTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static ClientCertificate certificate(boolean active) {
        return new ClientCertificate(
                "AB12",
                "qxI",
                new byte[] {1},
                new byte[] {2},
                "CN=OrderGate",
                NOW.minusSeconds(3600),
                NOW.plusSeconds(3600),
                ClientCertificate.GENERATED,
                active,
                NOW,
                "admin");
    }

    @Test
    void retiringWipesThePrivateKeyAndKeepsTheCertificate() {
        var certificate = certificate(false);

        certificate.retire(NOW);

        assertThat(certificate.retired()).isTrue();
        assertThat(certificate.retiredAt()).isEqualTo(NOW);
        assertThat(certificate.privateKeySealed()).isNull();
        assertThat(certificate.certificateDer()).containsExactly(1);
    }

    @Test
    void aCertificateHasExpiredFromItsNotAfterOn() {
        var certificate = certificate(true);

        assertThat(certificate.expired(NOW)).isFalse();
        assertThat(certificate.expired(NOW.plusSeconds(3600))).isTrue();
    }

    @Test
    void activationMovesBetweenCertificates() {
        var old = certificate(true);
        var next = certificate(false);

        old.deactivate();
        next.activate();

        assertThat(old.active()).isFalse();
        assertThat(next.active()).isTrue();
    }

    @Test
    void theKeyIsSealedForItsOwnCertificate() {
        assertThat(certificate(true).keyPurpose())
                .isEqualTo("scalepoint.certificate-key:AB12")
                .isEqualTo(ClientCertificate.keyPurpose("AB12"));
    }
}
