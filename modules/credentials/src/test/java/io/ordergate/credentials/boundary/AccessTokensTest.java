package io.ordergate.credentials.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2025-06-01T10:15:30Z");
    static final String CLIENT = "scalepoint-event-api";
    static final String AUDIENCE = "https://ordergate.example/scalepoint/events";
    static final String SCOPE = "events:write";
    static final Duration TTL = Duration.ofMinutes(5);

    final AccessTokens tokens = new AccessTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anIssuedTokenVerifiesWithItsClientScopeAndExpiry() {
        var issued = tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL);

        assertThat(issued.expiresInSeconds()).isEqualTo(300);
        assertThat(tokens.verify(issued.token(), AUDIENCE))
                .contains(new AccessTokens.Verified(CLIENT, SCOPE, NOW.plus(TTL)));
    }

    @Test
    void theTokenIsNeverPrinted() {
        var issued = tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL);

        assertThat(issued.toString()).doesNotContain(issued.token()).contains("300");
    }

    @Test
    void theTokenCarriesTheAgreedClaims() throws Exception {
        var jwt = SignedJWT.parse(tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL).token());
        var claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(claims.getIssuer()).isEqualTo("ordergate");
        assertThat(claims.getSubject()).isEqualTo(CLIENT);
        assertThat(claims.getAudience()).containsExactly(AUDIENCE);
        assertThat(claims.getStringClaim("scope")).isEqualTo(SCOPE);
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(TTL));
        assertThat(claims.getJWTID()).matches("[0-9a-f-]{36}");
        assertThat(SignedJWT.parse(tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL).token())
                        .getJWTClaimsSet()
                        .getJWTID())
                .isNotEqualTo(claims.getJWTID());
    }

    @Test
    void anExpiredTokenIsRejectedAfterThirtySecondsOfClockSkew() {
        var token = tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL).token();

        assertThat(at(TTL.plusSeconds(29)).verify(token, AUDIENCE)).isPresent();
        assertThat(at(TTL.plusSeconds(30)).verify(token, AUDIENCE)).isEmpty();
        assertThat(at(Duration.ofDays(1)).verify(token, AUDIENCE)).isEmpty();
    }

    @Test
    void aTokenFromTheFutureIsRejectedBeyondThirtySecondsOfClockSkew() {
        var token = tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL).token();

        assertThat(at(Duration.ofSeconds(-30)).verify(token, AUDIENCE)).isPresent();
        assertThat(at(Duration.ofSeconds(-31)).verify(token, AUDIENCE)).isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        var token = tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL).token();

        assertThat(tokens.verify(token, "https://ordergate.example/scayle")).isEmpty();
        assertThat(tokens.verify(token, null)).isEmpty();
    }

    @Test
    void aTamperedPayloadIsRejected() {
        var parts = tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL).token().split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        var forged = payload.replace(SCOPE, "admin");

        assertThat(forged).isNotEqualTo(payload);
        assertThat(tokens.verify(parts[0] + "." + base64Url(forged) + "." + parts[2], AUDIENCE))
                .isEmpty();
        assertThat(tokens.verify(parts[0] + "." + flipFirst(parts[1]) + "." + parts[2], AUDIENCE))
                .isEmpty();
    }

    @Test
    void aTamperedSignatureIsRejected() {
        var parts = tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL).token().split("\\.");

        assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + flipFirst(parts[2]), AUDIENCE))
                .isEmpty();
        assertThat(tokens.verify(parts[0] + "." + parts[1] + ".", AUDIENCE)).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + parts[1], AUDIENCE)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        var otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        var other = new AccessTokens(otherKey, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(tokens.verify(other.issue(CLIENT, AUDIENCE, SCOPE, TTL).token(), AUDIENCE))
                .isEmpty();
    }

    @Test
    void anUnsignedTokenIsRejected() {
        var payload = tokens.issue(CLIENT, AUDIENCE, SCOPE, TTL).token().split("\\.")[1];

        assertThat(tokens.verify(base64Url("{\"alg\":\"none\"}") + "." + payload + ".", AUDIENCE))
                .isEmpty();
        assertThat(tokens.verify(base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".", AUDIENCE))
                .isEmpty();
    }

    @Test
    void onlyHs256IsAcceptedEvenWithTheRightKey() throws Exception {
        var claims = claims("ordergate").build();

        assertThat(tokens.verify(signed(JWSAlgorithm.HS256, claims), AUDIENCE)).isPresent();
        assertThat(tokens.verify(signed(JWSAlgorithm.HS384, claims), AUDIENCE)).isEmpty();
        assertThat(tokens.verify(signed(JWSAlgorithm.HS512, claims), AUDIENCE)).isEmpty();
    }

    @Test
    void aTokenIssuedBySomeoneElseIsRejected() throws Exception {
        assertThat(tokens.verify(
                        signed(JWSAlgorithm.HS256, claims("someone-else").build()), AUDIENCE))
                .isEmpty();
        assertThat(tokens.verify(signed(JWSAlgorithm.HS256, claims(null).build()), AUDIENCE))
                .isEmpty();
    }

    @Test
    void aTokenWithoutSubjectOrExpiryIsRejected() throws Exception {
        assertThat(tokens.verify(
                        signed(
                                JWSAlgorithm.HS256,
                                claims("ordergate").subject(null).build()),
                        AUDIENCE))
                .isEmpty();
        assertThat(tokens.verify(
                        signed(
                                JWSAlgorithm.HS256,
                                claims("ordergate").expirationTime(null).build()),
                        AUDIENCE))
                .isEmpty();
    }

    @Test
    void garbageIsRejectedWithoutAnException() {
        var garbage = new String[] {
            null,
            "",
            " ",
            "garbage",
            "a.b.c",
            "..",
            "...",
            "eyJ.eyJ.",
            "Bearer x",
            "eyJhbGciOiJIUzI1NiJ9.e30.",
            "\u0000.\u0000.\u0000",
            "e30.e30.e30",
            "x".repeat(100_000)
        };

        for (var token : garbage) {
            assertThat(tokens.verify(token, AUDIENCE)).as("%.40s", token).isEmpty();
        }
    }

    AccessTokens at(Duration later) {
        return new AccessTokens(KEY, Clock.fixed(NOW.plus(later), ZoneOffset.UTC));
    }

    static JWTClaimsSet.Builder claims(String issuer) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(CLIENT)
                .audience(AUDIENCE)
                .claim("scope", SCOPE)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(TTL)));
    }

    /** Signs by hand with {@link #KEY}, so that even a longer HMAC made with the right key is on offer. */
    static String signed(JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        var input = base64Url("{\"alg\":\"" + algorithm.getName() + "\"}") + "." + base64Url(claims.toString());
        var mac = Mac.getInstance("HmacSHA" + algorithm.getName().substring(2));
        mac.init(new SecretKeySpec(KEY, mac.getAlgorithm()));
        var signature = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String flipFirst(String part) {
        return (part.charAt(0) == 'A' ? "B" : "A") + part.substring(1);
    }
}
