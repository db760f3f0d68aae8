package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.control.AuthThrottle;
import io.ordergate.credentials.control.BasicCredentials;
import io.ordergate.credentials.control.RotationGrace;
import io.ordergate.credentials.control.SecretHasher;
import io.ordergate.credentials.control.Secrets;
import io.ordergate.credentials.entity.WebhookClient;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OAuth2 clients that call our webhooks (Scalepoint's Event API): issue, rotate with a grace
 * period, revoke; the token endpoint's {@code client_credentials} grant; and checking the bearer
 * tokens it issued. Tokens are signed (any node verifies them) and short-lived; a revoked client's
 * tokens stop working at once because every check also looks the client up.
 */
@Stateless
@DenyAll
public class WebhookClients {

    static final String THROTTLE_SCOPE = "client";
    static final String BEARER_THROTTLE_SCOPE = "bearer";
    static final byte[] NO_SUCH_CLIENT = new byte[32];

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretHasher hasher;

    @Inject
    AccessTokens tokens;

    @Inject
    AuthThrottle throttle;

    @Inject
    AuditTrail audit;

    @Inject
    RejectedRequests rejected;

    @Inject
    Clock clock;

    @Inject
    RotationGrace rotationGrace;

    @Inject
    @ConfigProperty(name = "ordergate.webhook.access-token-ttl")
    Duration tokenTtl;

    @RolesAllowed(Roles.ADMIN)
    public IssuedClient create(String platform, String scope, String actor) {
        var secret = Secrets.password();
        var client = new WebhookClient(
                Secrets.username(platform), platform, scope, hasher.hash(secret), clock.instant(), actor);
        em.persist(client);
        audit.record(AuditEntry.byUser(
                actor,
                "webhook-client.issued",
                "webhook-client",
                client.clientId(),
                Map.of("platform", platform, "scope", scope)));
        return new IssuedClient(client.clientId(), secret, platform, scope);
    }

    /** A new client with the same scope; the old one keeps working for the rotation grace period. */
    @RolesAllowed(Roles.ADMIN)
    public IssuedClient rotate(String platform, String clientId, String actor) {
        var old = find(platform, clientId);
        var graceEnd = clock.instant().plus(rotationGrace.get());
        if (old.validAt(clock.instant())) {
            old.expireAt(graceEnd);
        }
        audit.record(AuditEntry.byUser(
                actor,
                "webhook-client.rotated",
                "webhook-client",
                clientId,
                Map.of("platform", platform, "previousValidUntil", graceEnd.toString())));
        return create(platform, old.scope(), actor);
    }

    @RolesAllowed(Roles.ADMIN)
    public void revoke(String platform, String clientId, String actor) {
        find(platform, clientId).revoke(clock.instant(), actor);
        audit.record(AuditEntry.byUser(
                actor, "webhook-client.revoked", "webhook-client", clientId, Map.of("platform", platform)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WebhookClientInfo> list(String platform) {
        var now = clock.instant();
        return em
                .createNamedQuery(WebhookClient.BY_PLATFORM, WebhookClient.class)
                .setParameter("platform", platform)
                .getResultList()
                .stream()
                .map(c -> new WebhookClientInfo(
                        c.clientId(),
                        c.platform(),
                        c.scope(),
                        c.createdAt(),
                        c.expiresAt(),
                        c.revokedAt(),
                        c.validAt(now)))
                .toList();
    }

    /** The parameters of a token request (RFC 6749 section 4.4) and how the client authenticated. */
    public record TokenRequest(
            String grantType, String scope, String clientId, String clientSecret, String authorization, String source) {

        @Override
        public String toString() {
            return "TokenRequest[grantType=" + grantType + ", clientId=" + clientId + ", source=" + source + "]";
        }
    }

    /**
     * The {@code client_credentials} grant, with {@code client_secret_basic} or
     * {@code client_secret_post}. Every request is audited; failures count towards throttling.
     *
     * @throws TokenError the RFC 6749 error to answer
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @PermitAll
    public AccessTokens.Issued token(TokenRequest request) {
        String clientId = request.clientId();
        try {
            var issued = issue(request);
            audit.record(new AuditEntry(
                    AuditEntry.ACTOR_SYSTEM,
                    issued.clientId(),
                    "oauth.token.issued",
                    "done",
                    "webhook-client",
                    issued.clientId(),
                    request.source(),
                    null,
                    null,
                    Map.of()));
            return issued.token();
        } catch (TokenError e) {
            var presented = Secrets.isPossibleUsername(clientId) ? clientId : null;
            var entry = new AuditEntry(
                    AuditEntry.ACTOR_ANONYMOUS,
                    presented == null ? request.source() : presented,
                    "oauth.token.rejected",
                    "rejected",
                    "webhook-client",
                    presented,
                    request.source(),
                    null,
                    null,
                    Map.of("error", e.error(), "reason", e.reason()));
            if (e.reason().equals("scope")) {
                // The client did authenticate: accountable, so audited in full.
                audit.record(entry);
            } else {
                rejected.audit(entry);
            }
            throw e;
        }
    }

    record Granted(String clientId, AccessTokens.Issued token) {}

    Granted issue(TokenRequest request) {
        if (!"client_credentials".equals(request.grantType())) {
            throw new TokenError(
                    request.grantType() == null ? "invalid_request" : "unsupported_grant_type",
                    400,
                    "grant_type must be client_credentials.",
                    "grant-type");
        }
        String clientId;
        String secret;
        var basic = BasicCredentials.parse(request.authorization());
        if (basic.isPresent()) {
            if (request.clientSecret() != null) {
                throw new TokenError(
                        "invalid_request", 400, "Use one client authentication method, not two.", "two-methods");
            }
            // RFC 6749 2.3.1: the client id and secret are form-urlencoded before Basic encoding
            clientId = URLDecoder.decode(basic.get().username(), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(basic.get().password(), StandardCharsets.UTF_8);
        } else if (request.clientId() != null && request.clientSecret() != null) {
            clientId = request.clientId();
            secret = request.clientSecret();
        } else {
            throw new TokenError("invalid_client", 401, "Client authentication is required.", "missing");
        }
        var possible = Secrets.isPossibleUsername(clientId);
        var blocked = throttle.blocked(THROTTLE_SCOPE, request.source(), possible ? clientId : null);
        if (blocked.isPresent()) {
            throw new TokenError("invalid_client", 401, "Too many failed attempts; retry later.", "throttled");
        }
        if (!possible) {
            // No client has such an id: refused without a lookup, counted against the source only.
            throttle.failed(THROTTLE_SCOPE, request.source(), null);
            throw new TokenError("invalid_client", 401, "Client authentication failed.", "invalid-client-id");
        }
        var client = em.find(WebhookClient.class, clientId);
        boolean matches = hasher.matches(secret, client == null ? NO_SUCH_CLIENT : client.secretHmac());
        if (client == null || !matches || !client.validAt(clock.instant())) {
            throttle.failed(THROTTLE_SCOPE, request.source(), clientId);
            throw new TokenError(
                    "invalid_client",
                    401,
                    "Client authentication failed.",
                    client == null ? "unknown-client" : !matches ? "wrong-secret" : "revoked-or-expired");
        }
        if (request.scope() != null
                && !request.scope().isBlank()
                && !List.of(request.scope().trim().split("\\s+")).stream().allMatch(client.scope()::equals)) {
            throw new TokenError(
                    "invalid_scope", 400, "This client may only ask for scope '" + client.scope() + "'.", "scope");
        }
        return new Granted(clientId, tokens.issue(clientId, audience(client.platform()), client.scope(), tokenTtl));
    }

    /**
     * Checks an {@code Authorization: Bearer} header for a webhook of {@code platform}. Missing and
     * invalid tokens count against the source's failure throttle like failed passwords do.
     *
     * @param source the caller's address, for throttling
     * @throws AuthenticationFailed 401 with a Bearer challenge, 429 when the source is throttled
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @PermitAll
    public WebhookCaller authenticateBearer(String authorization, String platform, String source) {
        var blocked = throttle.blocked(BEARER_THROTTLE_SCOPE, source, null);
        if (blocked.isPresent()) {
            throw AuthenticationFailed.bearerThrottled(blocked.get());
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throttle.failed(BEARER_THROTTLE_SCOPE, source, null);
            throw AuthenticationFailed.bearer("missing", null);
        }
        var token = authorization.substring(7).trim();
        var verified = tokens.verify(token, audience(platform));
        if (verified.isEmpty()) {
            var other = tokens.verifyFor(token, audience -> audience.startsWith(AUDIENCE_PREFIX));
            if (other.isPresent()) {
                // one of our clients, for another API: known, so refused (RFC 6750 insufficient_scope), not counted
                throw AuthenticationFailed.insufficientScope(other.get().clientId());
            }
            throttle.failed(BEARER_THROTTLE_SCOPE, source, null);
            throw AuthenticationFailed.bearer("invalid-token", null);
        }
        var client = em.find(WebhookClient.class, verified.get().clientId());
        if (client == null || !client.validAt(clock.instant())) {
            throw AuthenticationFailed.bearer("client-revoked", verified.get().clientId());
        }
        return new WebhookCaller(client.clientId(), client.scope());
    }

    static final String AUDIENCE_PREFIX = "ordergate:webhook:";

    static String audience(String platform) {
        return AUDIENCE_PREFIX + platform;
    }

    WebhookClient find(String platform, String clientId) {
        var client = em.find(WebhookClient.class, clientId);
        if (client == null || !client.platform().equals(platform)) {
            throw new ProblemException(
                    404, "Not Found", "There is no " + platform + " webhook client '" + clientId + "'.");
        }
        return client;
    }
}
