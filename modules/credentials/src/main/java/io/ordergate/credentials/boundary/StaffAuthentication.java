package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.platform.boundary.AdminApiDoor;
import io.ordergate.platform.boundary.ClientAddress;
import io.ordergate.platform.boundary.Meters;
import io.ordergate.platform.boundary.Problem;
import io.ordergate.platform.boundary.RequestPaths;
import io.ordergate.platform.boundary.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OrderGate's one Jakarta Security authentication mechanism for people (webhooks authenticate
 * their partners themselves). Because the container learns who calls, {@code @RolesAllowed} on the
 * facades holds for the admin API and the console alike.
 *
 * <ul>
 * <li>{@code /api/admin/**}, however spelled (the canonical path decides): HTTP Basic on every
 * request against the user store, without a session. Failures are answered here, as problem+json
 * (401 with a challenge, 429 when throttled, 503 when the store cannot be read), and audited. What
 * JAX-RS then routes to an admin resource is let through only after this Basic check
 * ({@link AdminApiDoor}), so a re-spelled path cannot slip past it.</li>
 * <li>The rest of {@code /api}: partners authenticate themselves; never the console session.</li>
 * <li>A console login: the login view hands the credentials to {@code SecurityContext.authenticate};
 * on success the caller is kept in the HTTP session under a new session id, and on every later
 * request re-checked against the user store, so a disabled user or a changed role takes effect at
 * once; after {@code ordergate.console.session-lifetime} (12 hours) the session ends, however
 * active.</li>
 * <li>Everything else proceeds anonymously; what needs a role says so.</li>
 * </ul>
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = StaffAuthentication.class.getName() + ".caller";

    @Inject
    UserAuthentication users;

    @Inject
    IdentityStoreHandler identities;

    @Inject
    RejectedRequests rejected;

    @Inject
    Meters meters;

    @Inject
    ClientAddress clientAddress;

    /**
     * The absolute lifetime of a console login, however active the user: a stolen or forgotten
     * session cannot be kept alive by activity for ever (the idle timeout is separate).
     */
    @Inject
    @ConfigProperty(name = "ordergate.console.session-lifetime")
    Duration sessionLifetime;

    @Inject
    Clock clock;

    /** Who logged in to this session, and when. */
    record SessionCaller(String username, Instant loggedInAt) implements Serializable {

        boolean expired(Instant now, Duration lifetime) {
            return !now.isBefore(loggedInAt.plus(lifetime));
        }
    }

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            return login(request, context);
        }
        var path = RequestPaths.canonical(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (isAdminApi(path)) {
            return basic(request, response, context);
        }
        if (isRestApi(path)) {
            // The REST API never runs as the console's session: its callers are partners, who
            // authenticate themselves, and staff with Basic credentials (AdminApiDoor insists).
            return context.doNothing();
        }
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller) {
            var current = caller.expired(clock.instant(), sessionLifetime)
                    ? Optional.<AuthenticatedUser>empty()
                    : users.current(caller.username());
            if (current.isPresent()) {
                return context.notifyContainerAboutLogin(
                        current.get().username(), current.get().roles());
            }
            // A disabled user, or a login older than the absolute lifetime: the console asks for a
            // new login (which also gets a new session id).
            session.removeAttribute(SESSION_CALLER);
        }
        return context.doNothing();
    }

    AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context) {
        var result = identities.validate(context.getAuthParameters().getCredential());
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // The login view tells the user; no error page, the answer belongs to the view.
            return AuthenticationStatus.SEND_FAILURE;
        }
        // A new session id on login: a session id planted before the login is worth nothing after it.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true)
                .setAttribute(
                        SESSION_CALLER,
                        new SessionCaller(result.getCallerPrincipal().getName(), clock.instant()));
        return context.notifyContainerAboutLogin(result);
    }

    AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var source = clientAddress.of(request);
        try {
            var user = users.authenticateBasic(request.getHeader("Authorization"), source);
            request.setAttribute(AdminApiDoor.BASIC_AUTHENTICATED, Boolean.TRUE);
            return context.notifyContainerAboutLogin(user.username(), user.roles());
        } catch (AuthenticationFailed e) {
            meters.authenticationFailed("admin", e.reason());
            audit(request, source, e.username(), e.reason(), e.problem().status());
            return send(response, e.problem(), e.headers());
        } catch (RuntimeException e) {
            if (Unavailable.isStorageFailure(e)) {
                var unavailable = Unavailable.problem();
                return send(response, unavailable.problem(), unavailable.headers());
            }
            throw e;
        }
    }

    /** Through {@link RejectedRequests}: anyone can send these, so a flood is summarised, not kept. */
    void audit(HttpServletRequest request, String source, String username, String reason, int status) {
        try {
            rejected.audit(new AuditEntry(
                    username == null ? AuditEntry.ACTOR_ANONYMOUS : AuditEntry.ACTOR_USER,
                    username == null ? source : username,
                    "admin.request.rejected",
                    "rejected",
                    "admin-api",
                    request.getMethod() + " " + request.getRequestURI(),
                    source,
                    null,
                    null,
                    Map.of("reason", reason, "status", String.valueOf(status))));
        } catch (RuntimeException e) {
            if (!Unavailable.isStorageFailure(e)) {
                throw e;
            }
        }
    }

    static AuthenticationStatus send(HttpServletResponse response, Problem problem, Map<String, String> headers) {
        try {
            response.setStatus(problem.status());
            headers.forEach(response::setHeader);
            // Answered before the filters run, so NoStore has not set it.
            response.setHeader("Cache-Control", "no-store");
            // Bytes, not a writer: a writer would add a charset to the media type, unlike every other problem.
            var body = problem.toJson().getBytes(StandardCharsets.UTF_8);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
    }

    /** @param path the canonical path within the application ({@link RequestPaths#canonical}) */
    static boolean isAdminApi(String path) {
        return path.equals("/api/admin") || path.startsWith("/api/admin/");
    }

    static boolean isRestApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
