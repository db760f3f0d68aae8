package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.control.AuthThrottle;
import io.ordergate.credentials.control.BasicCredentials;
import io.ordergate.credentials.control.Secrets;
import io.ordergate.credentials.entity.UserAccount;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Console and admin API users: PBKDF2-hashed passwords, roles, failed-login throttling. */
@Stateless
public class Users {

    static final Logger LOG = Logger.getLogger(Users.class.getName());
    static final String REALM = "OrderGate admin";
    static final String SCOPE = "user";
    static final String INITIAL_ADMIN = "admin";
    /**
     * 100,000 iterations: expensive for an offline attacker, yet an admin API call authenticating
     * with HTTP Basic on every request still answers in well under 100 ms.
     */
    static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "100000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");
    /** Verified against when the user does not exist, so that both cases cost the same. */
    static volatile String dummyHash;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    AuthThrottle throttle;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Creates the initial {@code admin} user when there is no user at all.
     *
     * @param configuredPassword the configured password, or empty to generate one
     * @return the generated password, if one was generated
     */
    public Optional<String> ensureInitialAdmin(Optional<String> configuredPassword) {
        long users = em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
        if (users > 0) {
            return Optional.empty();
        }
        var generated = configuredPassword.isEmpty();
        var password = configuredPassword.orElseGet(Secrets::password);
        em.persist(new UserAccount(INITIAL_ADMIN, hash(password), Set.of(AuthenticatedUser.ADMIN), clock.instant()));
        audit.record(new AuditEntry(AuditEntry.ACTOR_SYSTEM, "startup", "user.created", "done", "user", INITIAL_ADMIN,
                null, null, null, Map.of("roles", AuthenticatedUser.ADMIN, "passwordGenerated", String.valueOf(generated))));
        return generated ? Optional.of(password) : Optional.empty();
    }

    /**
     * Authenticates an {@code Authorization: Basic} header against the user store.
     *
     * @throws AuthenticationFailed 401 (or 429 when throttled)
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuthenticatedUser authenticateBasic(String authorization, String source) {
        if (authorization == null) {
            throw new AuthenticationFailed(REALM, "missing", null);
        }
        var parsed = BasicCredentials.parse(authorization);
        var username = parsed.map(BasicCredentials::username).orElse(null);
        var blocked = throttle.blocked(SCOPE, source, username);
        if (blocked.isPresent()) {
            throw new AuthenticationFailed(blocked.get(), username);
        }
        if (parsed.isEmpty()) {
            throttle.failed(SCOPE, source, null);
            throw new AuthenticationFailed(REALM, "malformed", null);
        }
        var account = em.find(UserAccount.class, username);
        boolean valid = passwordHash.verify(parsed.get().password().toCharArray(),
                account == null ? dummyHash() : account.passwordHash());
        if (account == null || !valid || !account.enabled()) {
            throttle.failed(SCOPE, source, username);
            throw new AuthenticationFailed(REALM, account == null ? "unknown-user"
                    : !valid ? "wrong-password" : "disabled", username);
        }
        return new AuthenticatedUser(account.username(), account.roles());
    }

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(HASH_PARAMETERS);
    }

    String hash(String password) {
        return passwordHash.generate(password.toCharArray());
    }

    String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hash(Secrets.password());
        }
        return dummyHash;
    }
}
