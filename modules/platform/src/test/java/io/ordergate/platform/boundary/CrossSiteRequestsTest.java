package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossSiteRequestsTest {

    static final String OWN = "http://10.0.0.5:8080";
    static final String PUBLIC = "https://orders.example.com";

    @Test
    void serversAndSameOriginBrowsersPass() {
        assertThat(CrossSiteRequests.isSameSite(null, null, OWN, PUBLIC))
                .as("a server")
                .isTrue();
        assertThat(CrossSiteRequests.isSameSite("same-origin", "https://evil.example", OWN, PUBLIC))
                .isTrue();
        assertThat(CrossSiteRequests.isSameSite("none", null, OWN, PUBLIC))
                .as("typed by the user")
                .isTrue();
        assertThat(CrossSiteRequests.isSameSite(null, "HTTPS://Orders.Example.com:443", OWN, PUBLIC))
                .isTrue();
        assertThat(CrossSiteRequests.isSameSite(null, "http://10.0.0.5:8080", OWN, PUBLIC))
                .isTrue();
    }

    @Test
    void otherSitesAreRefused() {
        assertThat(CrossSiteRequests.isSameSite("cross-site", null, OWN, PUBLIC))
                .isFalse();
        assertThat(CrossSiteRequests.isSameSite("same-site", null, OWN, PUBLIC))
                .as("a sibling subdomain")
                .isFalse();
        assertThat(CrossSiteRequests.isSameSite(null, "https://evil.example", OWN, PUBLIC))
                .isFalse();
        assertThat(CrossSiteRequests.isSameSite(null, "null", OWN, PUBLIC))
                .as("a sandboxed frame")
                .isFalse();
        assertThat(CrossSiteRequests.isSameSite(null, "https://orders.example.com:8443", OWN, PUBLIC))
                .isFalse();
        assertThat(CrossSiteRequests.isSameSite(null, "http://orders.example.com", OWN, PUBLIC))
                .isFalse();
        assertThat(CrossSiteRequests.isSameSite(null, "%%%", OWN, PUBLIC)).isFalse();
    }

    @Test
    void theSessionCookieIsSecureWhenTheConsoleIsServedOverTls() {
        assertThat(SessionCookies.secure(Optional.empty(), Optional.of("https://orders.example.com")))
                .isTrue();
        assertThat(SessionCookies.secure(Optional.empty(), Optional.of("http://localhost:8080")))
                .isFalse();
        assertThat(SessionCookies.secure(Optional.empty(), Optional.empty())).isFalse();
        assertThat(SessionCookies.secure(Optional.of(false), Optional.of("https://orders.example.com")))
                .isFalse();
        assertThat(SessionCookies.secure(Optional.of(true), Optional.of("http://localhost:8080")))
                .isTrue();
    }
}
