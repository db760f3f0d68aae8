package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.ClientAddress;
import io.ordergate.platform.boundary.Meters;
import io.ordergate.platform.boundary.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * The user store as a Jakarta Security identity store: the console's form login authenticates
 * through it, so its callers carry their roles as groups ({@code isUserInRole}, {@code @RolesAllowed}).
 * Checks go through {@link UserAuthentication#authenticatePassword}, with the same PBKDF2 hashes and the same
 * failure throttle as the admin API's Basic authentication. Every login and every rejected one is
 * audited.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    UserAuthentication users;

    @Inject
    AuditTrail audit;

    @Inject
    RejectedRequests rejected;

    @Inject
    Meters meters;

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddress clientAddress;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var source = clientAddress.of(request);
        try {
            var user = users.authenticatePassword(password.getCaller(), password.getPasswordAsString(), source);
            record(AuditEntry.ACTOR_USER, user.username(), "done", source, "password");
            return new CredentialValidationResult(user.username(), user.roles());
        } catch (AuthenticationFailed e) {
            meters.authenticationFailed("console", e.reason());
            record(
                    e.username() == null ? AuditEntry.ACTOR_ANONYMOUS : AuditEntry.ACTOR_USER,
                    e.username() == null ? source : e.username(),
                    "rejected",
                    source,
                    e.reason());
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /** A rejected login goes through {@link RejectedRequests}: anyone can send one. */
    void record(String actorType, String actor, String outcome, String source, String reason) {
        try {
            var entry = new AuditEntry(
                    actorType,
                    actor,
                    "console.login",
                    outcome,
                    "user",
                    actor,
                    source,
                    null,
                    null,
                    Map.of("reason", reason));
            if ("done".equals(outcome)) {
                audit.record(entry);
            } else {
                rejected.audit(entry);
            }
        } catch (RuntimeException e) {
            // A login must not fail or succeed because the audit trail is down; the outage shows elsewhere.
            if (!Unavailable.isStorageFailure(e)) {
                throw e;
            }
        }
    }
}
