package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.control.Secrets;
import io.ordergate.credentials.control.UserAccounts;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first user of a new installation: an {@code admin} created at startup when the user store is
 * empty, so that somebody can log in and manage the others ({@link UserAdministration}).
 */
@Stateless
@PermitAll
public class UserBootstrap {

    static final String INITIAL_ADMIN = "admin";

    @Inject
    UserAccounts accounts;

    @Inject
    AuditTrail audit;

    /**
     * Creates the initial {@code admin} user when there is no user at all.
     *
     * @param configuredPassword the configured password, or empty to generate one
     * @return the generated password, if one was generated
     */
    public Optional<String> ensureInitialAdmin(Optional<String> configuredPassword) {
        if (!accounts.none()) {
            return Optional.empty();
        }
        var generated = configuredPassword.isEmpty();
        var password = configuredPassword.orElseGet(Secrets::password);
        accounts.add(INITIAL_ADMIN, password, Set.of(AuthenticatedUser.ADMIN));
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                "startup",
                "user.created",
                "done",
                "user",
                INITIAL_ADMIN,
                null,
                null,
                null,
                Map.of("roles", AuthenticatedUser.ADMIN, "passwordGenerated", String.valueOf(generated))));
        return generated ? Optional.of(password) : Optional.empty();
    }
}
