package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.control.AuthThrottle;
import io.ordergate.credentials.control.BasicCredentials;
import io.ordergate.credentials.control.PasswordHashing;
import io.ordergate.credentials.control.Secrets;
import io.ordergate.credentials.entity.UserAccount;
import io.ordergate.platform.boundary.ProblemException;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Console and admin API users: PBKDF2-hashed passwords, roles ({@code admin}, {@code staff},
 * {@code auditor}), failed-login throttling.
 */
@Stateless
@DenyAll
public class Users {

    static final Logger LOG = Logger.getLogger(Users.class.getName());
    static final String REALM = "OrderGate admin";
    static final String SCOPE = "user";
    static final String INITIAL_ADMIN = "admin";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

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
    @PermitAll
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
    @PermitAll
    public AuthenticatedUser authenticateBasic(String authorization, String source) {
        if (authorization == null) {
            throwIfBlocked(source, null);
            throttle.failed(SCOPE, source, null);
            throw new AuthenticationFailed(REALM, "missing", null);
        }
        var parsed = BasicCredentials.parse(authorization);
        if (parsed.isEmpty()) {
            throwIfBlocked(source, null);
            throttle.failed(SCOPE, source, null);
            throw new AuthenticationFailed(REALM, "malformed", null);
        }
        return authenticatePassword(parsed.get().username(), parsed.get().password(), source);
    }

    /**
     * Checks a user name and password, as the admin API's Basic authentication and the console's
     * login do. Both count against the same failure throttle, so alternating between them gains an
     * attacker nothing.
     *
     * @param source the caller's address, for throttling
     * @throws AuthenticationFailed with the reason (unknown-user, wrong-password, disabled,
     *         throttled); the caller must not tell the first three apart to the user
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @PermitAll
    public AuthenticatedUser authenticatePassword(String username, String password, String source) {
        // A name no user can have is refused before any work: no lookup, no key derivation. Its
        // timing tells nothing, as such a name cannot exist; it is counted against the source only,
        // and neither throttled nor audited under what the caller sent.
        if (!isPossibleName(username)) {
            throwIfBlocked(source, null);
            throttle.failed(SCOPE, source, null);
            throw new AuthenticationFailed(REALM, "invalid-user-name", null);
        }
        throwIfBlocked(source, username);
        var account = em.find(UserAccount.class, username);
        boolean valid;
        try {
            // An unknown but possible name costs the same derivation as a wrong password, so that
            // response times do not tell which users exist; the derivations are bounded in number.
            valid = passwords.verify(password, account == null ? null : account.passwordHash());
        } catch (PasswordHashing.Busy e) {
            throw AuthenticationFailed.busy(username);
        }
        if (account == null || !valid || !account.enabled()) {
            throttle.failed(SCOPE, source, username);
            throw new AuthenticationFailed(REALM, account == null ? "unknown-user"
                    : !valid ? "wrong-password" : "disabled", username);
        }
        return new AuthenticatedUser(account.username(), account.roles());
    }

    /** Whether a user could have this name: the rule {@link #create} enforces (2 to 64 characters). */
    static boolean isPossibleName(String username) {
        return username != null && username.length() <= 64 && USERNAME.matcher(username).matches();
    }

    /** The user as the store has it now, if it exists and is enabled: a console session is re-checked with it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @PermitAll
    public Optional<AuthenticatedUser> current(String username) {
        var account = username == null ? null : em.find(UserAccount.class, username);
        return account == null || !account.enabled() ? Optional.empty()
                : Optional.of(new AuthenticatedUser(account.username(), account.roles()));
    }

    /**
     * How long logins of this user name from this source are still refused after too many
     * failures, if they are.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @PermitAll
    public Optional<Duration> loginBlocked(String username, String source) {
        return throttle.blocked(SCOPE, source, isPossibleName(username) ? username : null);
    }

    void throwIfBlocked(String source, String username) {
        var blocked = throttle.blocked(SCOPE, source, isPossibleName(username) ? username : null);
        if (blocked.isPresent()) {
            throw new AuthenticationFailed(blocked.get(), username);
        }
    }

    String hash(String password) {
        return passwords.generate(password);
    }

    // ---- user management (admins only)

    static final Set<String> ROLES = Set.of(AuthenticatedUser.ADMIN, AuthenticatedUser.STAFF, AuthenticatedUser.AUDITOR);
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** Every user, by name; no password hashes. */
    @RolesAllowed(AuthenticatedUser.ADMIN)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UserInfo> list() {
        return em.createQuery("SELECT u FROM UserAccount u ORDER BY u.username", UserAccount.class).getResultList()
                .stream().map(Users::info).toList();
    }

    /**
     * Creates a user with a generated password, shown this once.
     *
     * @throws ProblemException 400 for a bad name or role, 409 when the name is taken
     */
    @RolesAllowed(AuthenticatedUser.ADMIN)
    public IssuedPassword create(String username, Set<String> roles, String actor) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ProblemException(400, "Bad Request", "A user name is 2 to 64 lower-case letters, digits, '.', "
                    + "'_' or '-', starting with a letter or digit.");
        }
        requireRoles(roles);
        if (em.find(UserAccount.class, username) != null) {
            throw new ProblemException(409, "Conflict", "There is already a user '" + username + "'.");
        }
        var password = Secrets.password();
        var account = new UserAccount(username, hash(password), roles, clock.instant());
        em.persist(account);
        audit.record(AuditEntry.byUser(actor, "user.created", "user", username,
                Map.of("roles", String.join(" ", new TreeSet<>(roles)))));
        return new IssuedPassword(info(account), password);
    }

    /** @throws ProblemException 409 when it would leave no enabled admin */
    @RolesAllowed(AuthenticatedUser.ADMIN)
    public UserInfo changeRoles(String username, Set<String> roles, String actor) {
        requireRoles(roles);
        var account = require(username);
        if (account.roles().contains(AuthenticatedUser.ADMIN) && !roles.contains(AuthenticatedUser.ADMIN)) {
            requireAnotherAdmin(username);
        }
        account.changeRoles(roles, clock.instant());
        audit.record(AuditEntry.byUser(actor, "user.roles-changed", "user", username,
                Map.of("roles", String.join(" ", new TreeSet<>(roles)))));
        return info(account);
    }

    /** A new generated password, shown this once; the old one stops working at once. */
    @RolesAllowed(AuthenticatedUser.ADMIN)
    public IssuedPassword resetPassword(String username, String actor) {
        var account = require(username);
        var password = Secrets.password();
        account.changePassword(hash(password), clock.instant());
        audit.record(AuditEntry.byUser(actor, "user.password-reset", "user", username, Map.of()));
        return new IssuedPassword(info(account), password);
    }

    /** A disabled user cannot log in, and an open console session of theirs ends with its next request. */
    @RolesAllowed(AuthenticatedUser.ADMIN)
    public UserInfo setEnabled(String username, boolean enabled, String actor) {
        var account = require(username);
        if (!enabled && account.enabled() && account.roles().contains(AuthenticatedUser.ADMIN)) {
            requireAnotherAdmin(username);
        }
        account.enable(enabled, clock.instant());
        audit.record(AuditEntry.byUser(actor, enabled ? "user.enabled" : "user.disabled", "user", username,
                Map.of()));
        return info(account);
    }

    UserAccount require(String username) {
        var account = username == null ? null : em.find(UserAccount.class, username);
        if (account == null) {
            throw new ProblemException(404, "Not Found", "There is no user '" + username + "'.");
        }
        return account;
    }

    void requireAnotherAdmin(String username) {
        long others = em.createQuery("SELECT COUNT(u) FROM UserAccount u JOIN u.roles r WHERE r = :admin "
                + "AND u.enabled = TRUE AND u.username <> :name", Long.class)
                .setParameter("admin", AuthenticatedUser.ADMIN).setParameter("name", username).getSingleResult();
        if (others == 0) {
            throw new ProblemException(409, "Conflict", "'" + username + "' is the last enabled admin; make another "
                    + "user admin first.");
        }
    }

    static void requireRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new ProblemException(400, "Bad Request", "roles must be a non-empty subset of " + new TreeSet<>(ROLES)
                    + ".");
        }
    }

    static UserInfo info(UserAccount account) {
        return new UserInfo(account.username(), new TreeSet<>(account.roles()), account.enabled(), account.createdAt());
    }
}
