package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.ordergate.scalepoint.control.ClientCertificates.KeyAndCertificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientAssertionsTest {

    static final String CLIENT_ID = "supplier_ordergate";
    static final String TOKEN_URL = "https://sandbox-accounts.scalepoint.com/connect/token";
    static final Instant NOW = Instant.parse("2025-06-01T10:15:30.999Z");

    static KeyAndCertificate key;

    @BeforeAll
    static void generateKey() {
        key = ClientCertificates.generate("OrderGate", Duration.ofDays(30));
    }

    @Test
    void theAssertionIsSignedWithTheCertificatesKey() throws Exception {
        var jwt = SignedJWT.parse(ClientAssertions.create(CLIENT_ID, TOKEN_URL, key, NOW));
        var other = ClientCertificates.generate("other", Duration.ofDays(1));

        assertThat(jwt.verify(
                        new RSASSAVerifier((RSAPublicKey) key.certificate().getPublicKey())))
                .isTrue();
        assertThat(jwt.verify(
                        new RSASSAVerifier((RSAPublicKey) other.certificate().getPublicKey())))
                .isFalse();
    }

    @Test
    void theHeaderNamesTheCertificate() throws Exception {
        var header = SignedJWT.parse(ClientAssertions.create(CLIENT_ID, TOKEN_URL, key, NOW))
                .getHeader();

        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(header.getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(header.getKeyID()).isEqualTo(ClientCertificates.thumbprint(key.certificate()));
        assertThat(header.toJSONObject())
                .containsEntry("x5t", ClientCertificates.x5t(key.certificate()))
                .containsOnlyKeys("alg", "typ", "x5t", "kid");
    }

    @Test
    void theClaimsAreWhatScalepointExpects() throws Exception {
        var jwt = SignedJWT.parse(ClientAssertions.create(CLIENT_ID, TOKEN_URL, key, NOW));
        var claims = jwt.getJWTClaimsSet();
        var iat = claims.getIssueTime().toInstant();

        assertThat(claims.getIssuer()).isEqualTo(CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo(CLIENT_ID);
        assertThat(jwt.getPayload().toJSONObject().get("aud")).isEqualTo(TOKEN_URL);
        assertThat(claims.getJWTID()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(iat).isEqualTo(Instant.parse("2025-06-01T10:15:30Z"));
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(iat);
        assertThat(Duration.between(iat, claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(claims.getExpirationTime().toInstant()).isBeforeOrEqualTo(NOW.plusSeconds(60));
        assertThat(jwt.getPayload().toJSONObject()).containsOnlyKeys("iss", "sub", "aud", "jti", "iat", "nbf", "exp");
    }

    @Test
    void theTimesAreWholeSecondsWithExpExactlySixtySecondsAfterIat() throws Exception {
        var payload = SignedJWT.parse(ClientAssertions.create(CLIENT_ID, TOKEN_URL, key, NOW))
                .getPayload()
                .toJSONObject();

        assertThat(payload.get("iat")).isEqualTo(1_748_772_930L);
        assertThat(payload.get("nbf")).isEqualTo(1_748_772_930L);
        assertThat(payload.get("exp")).isEqualTo(1_748_772_990L);
    }

    @Test
    void everyAssertionHasItsOwnJti() throws Exception {
        var first = SignedJWT.parse(ClientAssertions.create(CLIENT_ID, TOKEN_URL, key, NOW))
                .getJWTClaimsSet();
        var second = SignedJWT.parse(ClientAssertions.create(CLIENT_ID, TOKEN_URL, key, NOW))
                .getJWTClaimsSet();

        assertThat(first.getJWTID()).isNotEqualTo(second.getJWTID());
    }
}
