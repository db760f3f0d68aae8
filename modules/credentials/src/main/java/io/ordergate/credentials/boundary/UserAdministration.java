package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.control.PasswordHashing;
import io.ordergate.credentials.control.Secrets;
import io.ordergate.credentials.control.UserAccounts;
import io.ordergate.credentials.entity.UserAccount;
import io.ordergate.platform.boundary.ProblemException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Managing the console and admin API users, admins only: create with a generated password, change
 * roles ({@code admin}, {@code staff}, {@code auditor}), reset a password, disable and enable. The
 * last enabled admin cannot be demoted or disabled. Every change is audited.
 */
@Stateless
@DenyAll
public class UserAdministration {

    static final Set<String> ROLES =
            Set.of(AuthenticatedUser.ADMIN, AuthenticatedUser.STAFF, AuthenticatedUser.AUDITOR);

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    UserAccounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Every user, by name; no password hashes. */
    @RolesAllowed(AuthenticatedUser.ADMIN)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UserInfo> list() {
        return em.createNamedQuery(UserAccount.ALL, UserAccount.class).getResultList().stream()
                .map(UserAdministration::info)
                .toList();
    }

    /**
     * Creates a user with a generated password, shown this once.
     *
     * @throws ProblemException 400 for a bad name or role, 409 when the name is taken
     */
    @RolesAllowed(AuthenticatedUser.ADMIN)
    public IssuedPassword create(String username, Set<String> roles, String actor) {
        if (!UserAccount.isPossibleName(username)) {
            throw new ProblemException(
                    400,
                    "Bad Request",
                    "A user name is 2 to 64 lower-case letters, digits, '.', "
                            + "'_' or '-', starting with a letter or digit.");
        }
        requireRoles(roles);
        if (em.find(UserAccount.class, username) != null) {
            throw new ProblemException(409, "Conflict", "There is already a user '" + username + "'.");
        }
        var password = Secrets.password();
        var account = accounts.add(username, password, roles);
        audit.record(AuditEntry.byUser(
                actor, "user.created", "user", username, Map.of("roles", String.join(" ", new TreeSet<>(roles)))));
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
        audit.record(AuditEntry.byUser(
                actor,
                "user.roles-changed",
                "user",
                username,
                Map.of("roles", String.join(" ", new TreeSet<>(roles)))));
        return info(account);
    }

    /** A new generated password, shown this once; the old one stops working at once. */
    @RolesAllowed(AuthenticatedUser.ADMIN)
    public IssuedPassword resetPassword(String username, String actor) {
        var account = require(username);
        var password = Secrets.password();
        account.changePassword(passwords.generate(password), clock.instant());
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
        audit.record(AuditEntry.byUser(actor, enabled ? "user.enabled" : "user.disabled", "user", username, Map.of()));
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
        long others = em.createNamedQuery(UserAccount.OTHER_ENABLED_WITH_ROLE, Long.class)
                .setParameter("role", AuthenticatedUser.ADMIN)
                .setParameter("name", username)
                .getSingleResult();
        if (others == 0) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "'" + username + "' is the last enabled admin; make another " + "user admin first.");
        }
    }

    static void requireRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new ProblemException(
                    400, "Bad Request", "roles must be a non-empty subset of " + new TreeSet<>(ROLES) + ".");
        }
    }

    static UserInfo info(UserAccount account) {
        return new UserInfo(account.username(), new TreeSet<>(account.roles()), account.enabled(), account.createdAt());
    }
}
