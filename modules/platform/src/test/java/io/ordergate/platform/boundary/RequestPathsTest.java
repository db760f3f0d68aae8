package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void ordinaryPathsPass() {
        for (var path : new String[] {
            "/",
            "/api/admin/scayle/merchants/acme.eu/credentials",
            "/api/admin/jobs/17",
            "/api/admin/scayle/delegations/m/fa-1%20x",
            "/VAADIN/build/index.js",
            "/delegations",
            "/a/%C3%A9",
            "/api/admin/scalepoint/orders/..x"
        }) {
            assertThat(RequestPaths.isAcceptable(path)).as(path).isTrue();
        }
    }

    @Test
    void traversalEncodedSeparatorsNulAndBrokenEscapesAreRefused() {
        for (var path : new String[] {
            "/api/admin/../x",
            "/api/admin/%2e%2e/%2e%2e/x",
            "/api/admin/%2E%2E",
            "/api/admin/.",
            "/api/admin/..;/x",
            "/api/admin/jobs/..%2f..%2fusers",
            "/api/admin/jobs/a%5cb",
            "/api/admin/jobs/a\\b",
            "/api/admin/jobs/%00",
            "/api/admin/jobs/%",
            "/api/admin/jobs/%zz",
            "/api/admin/jobs/a%2",
            "/api/admin/jobs/%ff%fe",
            "/api/admin/jobs/%c0%ae%c0%ae",
            "*",
            "",
            null
        }) {
            assertThat(RequestPaths.isAcceptable(path)).as(String.valueOf(path)).isFalse();
        }
    }

    @Test
    void pathParametersAreRefusedInEverySpelling() {
        for (var path : new String[] {
            "/api;admin/scalepoint/poller",
            "/api/admin;x/users",
            "/api/admin/users;x",
            "/api/admin/jobs;jsessionid=abc",
            "/;/api/admin/users",
            "/api/admin/jobs%3bx",
            "/api%3Badmin/users",
            "/delegations;jsessionid=abc"
        }) {
            assertThat(RequestPaths.isAcceptable(path)).as(String.valueOf(path)).isFalse();
        }
    }

    @Test
    void canonicalPathsIgnoreHowThePathWasSpelled() {
        assertThat(RequestPaths.canonical("/api/admin/users")).isEqualTo("/api/admin/users");
        assertThat(RequestPaths.canonical("/api//%61dmin;x/users/")).isEqualTo("/api/admin/users");
        assertThat(RequestPaths.canonical("/api;admin/users")).isEqualTo("/api/users");
        assertThat(RequestPaths.canonical("//")).isEqualTo("/");
        assertThat(RequestPaths.canonical(null)).isEqualTo("/");
    }
}
