package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.platform.boundary.PartnerResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizedCallsTest {

    static final Settings SETTINGS = new Settings(
            "client",
            "orderdata",
            "scalepoint",
            "dk",
            URI.create("https://accounts.example/connect/token"),
            URI.create("https://orders.example"),
            URI.create("https://events.example"),
            null,
            "secret",
            "1:secret");

    /** Hands out one token per scope set and notes which ones were forgotten. */
    static class Tokens extends ScalepointTokens {
        final List<String> forgotten = new ArrayList<>();

        @Override
        public String accessToken(Settings settings, String scopes) {
            return "token for " + scopes;
        }

        @Override
        public void invalidate(Settings settings, String scopes) {
            forgotten.add(scopes);
        }
    }

    static AuthorizedCalls calls(Tokens tokens) {
        var calls = new AuthorizedCalls();
        calls.connection = new OutboundConnection() {
            @Override
            public Settings settings() {
                return SETTINGS;
            }
        };
        calls.tokens = tokens;
        calls.circuit = new CircuitWatch();
        return calls;
    }

    static PartnerResponse answered(int status) {
        return new PartnerResponse(status, Map.of(), new byte[0]);
    }

    @Test
    void theCallGetsTheSettingsAndATokenForItsScopes() {
        var tokens = new Tokens();
        var seen = new ArrayList<String>();

        var answer = calls(tokens).call(CircuitWatch.Breaker.ORDER_DATA, Settings::scopes, (settings, accessToken) -> {
            seen.add(settings.clientId() + " with " + accessToken);
            return answered(200);
        });

        assertThat(seen).containsExactly("client with token for orderdata");
        assertThat(answer.settings()).isSameAs(SETTINGS);
        assertThat(answer.response().status()).isEqualTo(200);
        assertThat(tokens.forgotten).isEmpty();
    }

    @Test
    void aRefusedTokenIsForgottenForTheScopesItWasIssuedFor() {
        var tokens = new Tokens();

        var answer = calls(tokens).unguarded(settings -> "events", (settings, accessToken) -> answered(401));

        assertThat(answer.response().status()).isEqualTo(401);
        assertThat(tokens.forgotten).containsExactly("events");
    }
}
