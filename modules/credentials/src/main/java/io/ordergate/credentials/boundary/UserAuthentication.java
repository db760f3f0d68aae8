package io.ordergate.credentials.boundary;

import io.ordergate.credentials.control.AuthThrottle;
import io.ordergate.credentials.control.BasicCredentials;
import io.ordergate.credentials.control.PasswordHashing;
import io.ordergate.credentials.entity.UserAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks who a console or admin API user is: their password (PBKDF2 hashes), whether they are
 * still enabled, and the failed-login throttle that both ways of logging in share. Open to every
 * caller: it is what makes a caller known.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UserAuthentication {

    static final String REALM = "OrderGate admin";
    static final String SCOPE = "user";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    AuthThrottle throttle;

    /**
     * Authenticates an {@code Authorization: Basic} header against the user store.
     *
     * @throws AuthenticationFailed 401 (or 429 when throttled)
     */
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
    public AuthenticatedUser authenticatePassword(String username, String password, String source) {
        // A name no user can have is refused before any work: no lookup, no key derivation. Its
        // timing tells nothing, as such a name cannot exist; it is counted against the source only,
        // and neither throttled nor audited under what the caller sent.
        if (!UserAccount.isPossibleName(username)) {
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
            throw new AuthenticationFailed(
                    REALM, account == null ? "unknown-user" : !valid ? "wrong-password" : "disabled", username);
        }
        return new AuthenticatedUser(account.username(), account.roles());
    }

    /** The user as the store has it now, if it exists and is enabled: a console session is re-checked with it. */
    public Optional<AuthenticatedUser> current(String username) {
        var account = username == null ? null : em.find(UserAccount.class, username);
        return account == null || !account.enabled()
                ? Optional.empty()
                : Optional.of(new AuthenticatedUser(account.username(), account.roles()));
    }

    /**
     * How long logins of this user name from this source are still refused after too many
     * failures, if they are.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Duration> loginBlocked(String username, String source) {
        return throttle.blocked(SCOPE, source, UserAccount.isPossibleName(username) ? username : null);
    }

    void throwIfBlocked(String source, String username) {
        var blocked = throttle.blocked(SCOPE, source, UserAccount.isPossibleName(username) ? username : null);
        if (blocked.isPresent()) {
            throw new AuthenticationFailed(blocked.get(), username);
        }
    }
}
