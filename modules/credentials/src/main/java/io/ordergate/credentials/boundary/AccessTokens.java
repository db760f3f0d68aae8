package io.ordergate.credentials.boundary;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ordergate.credentials.control.MasterKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Short-lived bearer tokens that OrderGate issues to webhook clients (Scalepoint's Event API gets
 * one from our {@code /oauth/token}). They are HS256 JWTs signed with a key derived from the master
 * key, so every node can verify them without a shared token store, and a restart or a new node
 * changes nothing. Revocation is by expiry: keep the lifetime short.
 */
@ApplicationScoped
public class AccessTokens {

    static final String LABEL = "ordergate:access-token:v1";
    static final String ISSUER = "ordergate";
    static final String SCOPE = "scope";
    /** How far the clocks of two nodes may disagree; no other leeway is given. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Far above any token we issue; bounds the work an attacker can make us do per request. */
    static final int MAX_TOKEN_LENGTH = 8192;

    @Inject
    MasterKey masterKey;

    @Inject
    Clock clock;

    private MACSigner signer;
    private MACVerifier verifier;

    public AccessTokens() {}

    AccessTokens(byte[] key, Clock clock) {
        this.clock = clock;
        useKey(key);
    }

    @PostConstruct
    void init() {
        useKey(masterKey.derive(LABEL));
    }

    private void useKey(byte[] key) {
        try {
            signer = new MACSigner(key);
            verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("The access token key must be at least 256 bits long.", e);
        }
    }

    /** A freshly issued token, ready for an OAuth token response. */
    public record Issued(String token, long expiresInSeconds) {

        @Override
        public String toString() {
            return "Issued[token=<redacted>, expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    /** What a valid token says about its bearer. */
    public record Verified(String clientId, String scope, Instant expiresAt) {}

    /** claims: iss "ordergate", sub clientId, aud audience, scope, iat, exp = now + ttl, jti random UUID */
    public Issued issue(String clientId, String audience, String scope, Duration ttl) {
        requireText(clientId, "clientId");
        requireText(audience, "audience");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(ttl, "ttl");
        // JWT times are whole seconds; truncating keeps exp - iat equal to the ttl we announce.
        var seconds = ttl.getSeconds();
        if (seconds < 1) {
            throw new IllegalArgumentException("An access token must live at least one second, not " + ttl + ".");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(clientId)
                .audience(audience)
                .claim(SCOPE, scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(seconds)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
        return new Issued(jwt.serialize(), seconds);
    }

    /**
     * empty when the token is malformed, not HS256, badly signed, expired (no leeway beyond 30 s clock skew), not yet
     * valid, for another audience, or issued by someone else. Never throws for bad input.
     */
    public Optional<Verified> verify(String token, String audience) {
        return audience == null ? Optional.empty() : verifyFor(token, audience::equals);
    }

    /** As {@link #verify(String, String)}, for a token whose audiences include one that {@code audience} accepts. */
    public Optional<Verified> verifyFor(String token, Predicate<String> audience) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            // Parsing as a JWS already refuses "alg": "none"; the algorithm is still checked explicitly, so that
            // nothing but HS256 is accepted whatever the parser or verifier would allow.
            var jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            return accepted(jwt.getJWTClaimsSet(), audience);
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Whatever a hostile token makes the parser do, the answer is "not valid", never an error page.
            return Optional.empty();
        }
    }

    private Optional<Verified> accepted(JWTClaimsSet claims, Predicate<String> audience) throws ParseException {
        var now = clock.instant();
        var expiresAt = claims.getExpirationTime();
        var issuedAt = claims.getIssueTime();
        var notBefore = claims.getNotBeforeTime();
        var clientId = claims.getSubject();
        var scope = claims.getStringClaim(SCOPE);
        var audiences = claims.getAudience();
        if (expiresAt == null
                || issuedAt == null
                || clientId == null
                || clientId.isBlank()
                || scope == null
                || !ISSUER.equals(claims.getIssuer())
                || audiences == null
                || audiences.stream().noneMatch(audience)) {
            return Optional.empty();
        }
        // RFC 7519: a token is expired from its exp on, and not yet valid before its nbf.
        if (!now.isBefore(expiresAt.toInstant().plus(CLOCK_SKEW))
                || now.plus(CLOCK_SKEW).isBefore(issuedAt.toInstant())
                || (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant()))) {
            return Optional.empty();
        }
        return Optional.of(new Verified(clientId, scope, expiresAt.toInstant()));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank.");
        }
    }
}
