package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.control.AuthThrottle;
import io.ordergate.credentials.control.BasicCredentials;
import io.ordergate.credentials.control.CredentialCache;
import io.ordergate.credentials.control.RotationGrace;
import io.ordergate.credentials.control.ScayleMerchants;
import io.ordergate.credentials.control.SecretHasher;
import io.ordergate.credentials.control.Secrets;
import io.ordergate.credentials.entity.ScayleCredential;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SCAYLE merchant credentials: issue, rotate with a grace period, revoke, and authenticate webhook
 * calls. Every change is audited in the same transaction; secrets are returned once and kept only
 * as keyed hashes.
 */
@Stateless
@DenyAll
public class ScayleMerchantCredentials {

    static final String REALM = "OrderGate SCAYLE";
    static final String SCOPE = "scayle";
    static final Pattern MERCHANT_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** A hash that no password produces, compared against when the user does not exist. */
    static final byte[] NO_SUCH_USER = new byte[32];

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretHasher hasher;

    @Inject
    AuthThrottle throttle;

    @Inject
    CredentialCache cache;

    @Inject
    ScayleMerchants merchants;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    RotationGrace rotationGrace;

    /**
     * How long replaced credentials keep working after a rotation: SCAYLE merchants' and webhook
     * clients' alike ({@code ordergate.credentials.rotation-grace}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Duration rotationGrace() {
        return rotationGrace.get();
    }

    /** @throws ProblemException 400 for an unusable key, 409 when the merchant already exists */
    @RolesAllowed(Roles.ADMIN)
    public IssuedScayleCredential createScayleMerchant(String merchantKey, String actor) {
        if (merchantKey == null || !MERCHANT_KEY.matcher(merchantKey).matches()) {
            throw new ProblemException(
                    400,
                    "Invalid merchant key",
                    "merchantKey must be 1 to 100 characters of letters, digits, '.', '_' or '-', starting with a "
                            + "letter or digit.");
        }
        if (!merchants.add(merchantKey, clock.instant(), actor)) {
            throw new ProblemException(
                    409,
                    "Merchant exists",
                    "SCAYLE merchant '" + merchantKey + "' already exists; rotate its credentials instead.");
        }
        audit.record(AuditEntry.byUser(actor, "scayle.merchant.created", "scayle-merchant", merchantKey, Map.of()));
        return issue(merchantKey, actor);
    }

    /** New credentials; the current ones keep working for the rotation grace period. */
    @RolesAllowed(Roles.ADMIN)
    public IssuedScayleCredential rotateScayleCredentials(String merchantKey, String actor) {
        requireMerchant(merchantKey);
        var graceEnd = clock.instant().plus(rotationGrace.get());
        for (var credential : credentialsOf(merchantKey)) {
            if (credential.validAt(clock.instant())) {
                credential.expireAt(graceEnd);
                cache.evictAfterCommit(credential.username());
            }
        }
        audit.record(AuditEntry.byUser(
                actor,
                "scayle.credentials.rotated",
                "scayle-merchant",
                merchantKey,
                Map.of("previousValidUntil", graceEnd.toString())));
        return issue(merchantKey, actor);
    }

    /** Revokes one credential at once. */
    @RolesAllowed(Roles.ADMIN)
    public void revokeScayleCredential(String merchantKey, String username, String actor) {
        requireMerchant(merchantKey);
        var credential = em.find(ScayleCredential.class, username);
        if (credential == null || !credential.merchantKey().equals(merchantKey)) {
            throw new ProblemException(
                    404, "Not Found", "Merchant '" + merchantKey + "' has no credential '" + username + "'.");
        }
        credential.revoke(clock.instant(), actor);
        // After the commit: evicted now, a request before the commit would cache the unrevoked row again.
        cache.evictAfterCommit(username);
        audit.record(AuditEntry.byUser(
                actor, "scayle.credentials.revoked", "scayle-merchant", merchantKey, Map.of("username", username)));
    }

    /** Every merchant, by key. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ScayleMerchantInfo> scayleMerchants() {
        return merchants.list(clock.instant());
    }

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ScayleCredentialInfo> scayleCredentials(String merchantKey) {
        requireMerchant(merchantKey);
        var now = clock.instant();
        return credentialsOf(merchantKey).stream()
                .map(c -> new ScayleCredentialInfo(
                        c.username(), c.merchantKey(), c.createdAt(), c.expiresAt(), c.revokedAt(), c.validAt(now)))
                .toList();
    }

    /**
     * Authenticates a SCAYLE webhook call. Costs one HMAC and, at most every few seconds per
     * credential, one primary-key lookup ({@link CredentialCache}: a revocation on another node takes
     * effect within {@link CredentialCache#TTL}); the comparison is constant-time and an unknown user
     * costs the same as a wrong password.
     *
     * @param source the remote address, for throttling
     * @throws AuthenticationFailed 401 or 429
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @PermitAll
    public ScayleCaller authenticateScayle(String authorization, String source) {
        var parsed = BasicCredentials.parse(authorization);
        // A name no credential can have is neither looked up nor throttled and audited as given.
        var username = parsed.map(BasicCredentials::username)
                .filter(Secrets::isPossibleUsername)
                .orElse(null);
        var blocked = throttle.blocked(SCOPE, source, username);
        if (blocked.isPresent()) {
            throw new AuthenticationFailed(blocked.get(), username);
        }
        if (authorization == null) {
            throw failed(source, null, "missing");
        }
        if (parsed.isEmpty()) {
            throw failed(source, null, "malformed");
        }
        if (username == null) {
            throw failed(source, null, "invalid-user-name");
        }
        var now = clock.instant();
        var credential = cache.get(username, now, name -> em.find(ScayleCredential.class, name));
        boolean secretMatches =
                hasher.matches(parsed.get().password(), credential == null ? NO_SUCH_USER : credential.secretHmac());
        if (credential == null) {
            throw failed(source, username, "unknown-user");
        }
        if (!secretMatches) {
            throw failed(source, username, "wrong-password");
        }
        if (credential.revokedAt() != null) {
            throw failed(source, username, "revoked");
        }
        if (!credential.validAt(now)) {
            throw failed(source, username, "expired");
        }
        return new ScayleCaller(credential.merchantKey(), credential.username());
    }

    AuthenticationFailed failed(String source, String username, String reason) {
        throttle.failed(SCOPE, source, username);
        return new AuthenticationFailed(REALM, reason, username);
    }

    IssuedScayleCredential issue(String merchantKey, String actor) {
        var password = Secrets.password();
        var credential = new ScayleCredential(
                Secrets.username("scayle"), merchantKey, hasher.hash(password), clock.instant(), actor);
        em.persist(credential);
        audit.record(AuditEntry.byUser(
                actor,
                "scayle.credentials.issued",
                "scayle-merchant",
                merchantKey,
                Map.of("username", credential.username())));
        return new IssuedScayleCredential(merchantKey, credential.username(), password);
    }

    List<ScayleCredential> credentialsOf(String merchantKey) {
        return em.createNamedQuery(ScayleCredential.BY_MERCHANT, ScayleCredential.class)
                .setParameter("merchantKey", merchantKey)
                .getResultList();
    }

    void requireMerchant(String merchantKey) {
        if (!merchants.exists(merchantKey)) {
            throw new ProblemException(404, "Not Found", "There is no SCAYLE merchant '" + merchantKey + "'.");
        }
    }
}
