package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.PartnerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Access tokens from Scalepoint's Authorization Server ({@code client_credentials}, authenticated
 * by {@code private_key_jwt} with the active certificate or by a client secret). One token per
 * scope set and connection version is cached until shortly before it expires; when it must be
 * renewed, one thread asks and the others wait for its answer. Tokens are never logged and never
 * leave this class except as the bearer value of a call.
 */
@ApplicationScoped
public class ScalepointTokens {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Used when the token response does not say how long the token lives (RFC 6749 allows that). */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    @Inject
    ScalepointApi api;

    @Inject
    ScalepointConfig config;

    @Inject
    CircuitWatch circuit;

    @Inject
    Clock clock;

    record Cached(String accessToken, Instant renewAt) {

        @Override
        public String toString() {
            return "Cached[accessToken=<redacted>, renewAt=" + renewAt + "]";
        }
    }

    /** A token as the Authorization Server issued it. */
    public record Issued(String accessToken, String tokenType, long expiresIn, String scope) {

        @Override
        public String toString() {
            return "Issued[accessToken=<redacted>, tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope="
                    + scope + "]";
        }
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * A valid access token for these scopes, from the cache or freshly issued.
     *
     * @throws TokenFailure when the Authorization Server refuses
     * @throws PartnerUnavailable when it cannot be reached
     * @throws CircuitOpen when its circuit breaker is open
     */
    public String accessToken(Settings settings, String scopes) {
        var key = settings.cacheKey(scopes);
        var cached = fresh(key);
        if (cached != null) {
            return cached;
        }
        var lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PartnerUnavailable(
                        null,
                        "Another request for a Scalepoint token has not finished within " + LOCK_WAIT.toSeconds()
                                + " s.",
                        null,
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnavailable(null, "Interrupted while waiting for a Scalepoint token.", null, e);
        }
        try {
            cached = fresh(key);
            if (cached != null) {
                return cached;
            }
            var issued = request(settings, scopes);
            var lifetime = Duration.ofSeconds(issued.expiresIn());
            var margin = config.tokenRefreshMargin().compareTo(lifetime.dividedBy(2)) < 0
                    ? config.tokenRefreshMargin()
                    : lifetime.dividedBy(2);
            // A new connection version makes older entries useless: drop them.
            cache.keySet().removeIf(other -> !other.startsWith(settings.version() + "|"));
            cache.put(
                    key,
                    new Cached(
                            issued.accessToken(), clock.instant().plus(lifetime).minus(margin)));
            return issued.accessToken();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the cached token, after Scalepoint refused it (401). */
    public void invalidate(Settings settings, String scopes) {
        cache.remove(settings.cacheKey(scopes));
    }

    private String fresh(String key) {
        var cached = cache.get(key);
        return cached != null && clock.instant().isBefore(cached.renewAt()) ? cached.accessToken() : null;
    }

    /** Asks the Authorization Server for a new token, bypassing the cache (also what "test connection" does). */
    public Issued request(Settings settings, String scopes) {
        var form = new MultivaluedHashMap<String, String>();
        form.putSingle("grant_type", "client_credentials");
        if (scopes != null && !scopes.isBlank()) {
            form.putSingle("scope", scopes);
        }
        if (settings.privateKeyJwt()) {
            if (settings.key() == null) {
                throw new TokenFailure(
                        null,
                        "No active certificate: generate or upload one, send it to Scalepoint " + "and activate it.");
            }
            form.putSingle("client_assertion_type", ASSERTION_TYPE);
            form.putSingle(
                    "client_assertion",
                    ClientAssertions.create(
                            settings.clientId(), settings.tokenUrl().toString(), settings.key(), clock.instant()));
        } else {
            form.putSingle("client_id", settings.clientId());
            form.putSingle("client_secret", settings.clientSecret());
        }
        var response = circuit.call(CircuitWatch.Breaker.TOKEN, () -> api.requestToken(settings.tokenUrl(), form));
        JsonObject body = null;
        try {
            var text = response.utf8();
            if (!text.isBlank()) {
                try (var reader = Jsons.createReader(new StringReader(text))) {
                    if (reader.readValue() instanceof JsonObject object) {
                        body = object;
                    }
                }
            }
        } catch (IllegalArgumentException | JsonParsingException e) {
            body = null;
        }
        if (!response.successful()) {
            throw new TokenFailure(
                    response.status(),
                    "The Scalepoint token endpoint answered " + response.status() + describeError(body));
        }
        if (body == null
                || !(body.get("access_token") instanceof JsonString token)
                || token.getString().isBlank()) {
            throw new TokenFailure(
                    response.status(),
                    "The Scalepoint token endpoint answered " + response.status()
                            + " without an access_token in a JSON object.");
        }
        var type = body.get("token_type") instanceof JsonString t ? t.getString() : "Bearer";
        if (!"bearer".equalsIgnoreCase(type)) {
            throw new TokenFailure(
                    response.status(),
                    "The Scalepoint token endpoint issued a '" + clip(type)
                            + "' token; OrderGate can only use Bearer tokens.");
        }
        long expiresIn = body.get("expires_in") instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0
                ? n.longValue()
                : DEFAULT_LIFETIME.toSeconds();
        var scope = body.get("scope") instanceof JsonString s ? s.getString() : scopes;
        return new Issued(token.getString(), type, expiresIn, scope);
    }

    static String describeError(JsonObject body) {
        if (body == null) {
            return " (no OAuth error in the body).";
        }
        var error = body.get("error") instanceof JsonString e ? e.getString() : null;
        var description = body.get("error_description") instanceof JsonString d ? d.getString() : null;
        if (error == null) {
            return " (no OAuth error in the body).";
        }
        return ": " + clip(error) + (description == null ? "" : " (" + clip(description) + ")") + ".";
    }

    static String clip(String text) {
        var clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
    }
}
