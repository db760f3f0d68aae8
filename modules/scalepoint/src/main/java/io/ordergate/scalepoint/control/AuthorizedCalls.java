package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.PartnerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * A call to Scalepoint that carries an access token: the connection resolved, a token for the
 * call's scopes (cached by {@link ScalepointTokens}), the call, and, when Scalepoint refuses the
 * token (401), that token forgotten so that the next attempt asks for a new one. What an answer,
 * a 401 included, means for the caller's work is the caller's to say.
 */
@ApplicationScoped
public class AuthorizedCalls {

    @Inject
    OutboundConnection connection;

    @Inject
    ScalepointTokens tokens;

    @Inject
    CircuitWatch circuit;

    /** One request to Scalepoint with the resolved settings and a bearer token. */
    @FunctionalInterface
    public interface Call {
        PartnerResponse send(Settings settings, String accessToken);
    }

    /** Scalepoint's answer, with the settings the call was made with. */
    public record Answer(Settings settings, PartnerResponse response) {}

    /**
     * A call through one of {@link ScalepointApi}'s circuit breakers. The token request has a
     * breaker of its own, so only the call itself goes through {@code breaker}.
     *
     * @param scopes the scopes the token must carry, given the resolved settings
     * @throws CircuitOpen when the breaker refused the call
     */
    public Answer call(CircuitWatch.Breaker breaker, Function<Settings, String> scopes, Call call) {
        return unguarded(
                scopes, (settings, accessToken) -> circuit.call(breaker, () -> call.send(settings, accessToken)));
    }

    /** A call without a circuit breaker: the long poll, which Scalepoint holds open on purpose. */
    public Answer unguarded(Function<Settings, String> scopes, Call call) {
        var settings = connection.settings();
        var scopeSet = scopes.apply(settings);
        var response = call.send(settings, tokens.accessToken(settings, scopeSet));
        if (response.status() == 401) {
            tokens.invalidate(settings, scopeSet);
        }
        return new Answer(settings, response);
    }
}
