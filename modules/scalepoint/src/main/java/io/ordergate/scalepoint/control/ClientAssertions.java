package io.ordergate.scalepoint.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code client_assertion} with which OrderGate authenticates to Scalepoint's Authorization
 * Server ({@code private_key_jwt}, RFC 7523): a JWT signed with the private key of a certificate
 * Scalepoint knows, valid for one minute, used once.
 */
public final class ClientAssertions {

    /** Scalepoint accepts at most 60 s; JWT times are whole seconds, so this is exact. */
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private ClientAssertions() {}

    /**
     * header alg RS256, typ JWT, x5t = ClientCertificates.x5t(cert), kid = ClientCertificates.thumbprint(cert); claims
     * iss = sub = clientId, aud = tokenUrl (exactly, as a single string), jti = random UUID, iat = nbf = now, exp = now
     * + 60 s.
     */
    public static String create(
            String clientId, String tokenUrl, ClientCertificates.KeyAndCertificate key, Instant now) {
        requireText(clientId, "clientId");
        requireText(tokenUrl, "tokenUrl");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        // Truncate first, then add: exp - iat is exactly 60 s, and exp is never later than now + 60 s.
        var issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        var claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(tokenUrl)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(LIFETIME)))
                .build();
        var jwt = new SignedJWT(header(key.certificate()), claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException(
                    "The client assertion cannot be signed with the "
                            + key.privateKey().getAlgorithm() + " key of "
                            + key.certificate().getSubjectX500Principal(),
                    e);
        }
        return jwt.serialize();
    }

    // Nimbus deprecates x5t because it is a SHA-1 thumbprint, but it is what Scalepoint identifies the certificate by.
    @SuppressWarnings("deprecation")
    private static JWSHeader header(X509Certificate certificate) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .x509CertThumbprint(new Base64URL(ClientCertificates.x5t(certificate)))
                .keyID(ClientCertificates.thumbprint(certificate))
                .build();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank.");
        }
    }
}
