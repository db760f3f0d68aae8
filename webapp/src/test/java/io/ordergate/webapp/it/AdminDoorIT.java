package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API has one door: HTTP Basic credentials checked on the request itself. Tried here by
 * every spelling of its path that a client can send (path parameters, doubled slashes, escapes,
 * dot segments, case), anonymously and with a logged-in console session's cookie; none reaches an
 * admin resource. Also: the session cookie's attributes and absolute lifetime, {@code no-store} on
 * answers with secrets or customer data, and state-changing API calls sent by a browser from
 * another site.
 */
class AdminDoorIT extends OrderGateIT {

    /** Spellings of admin paths; the first two are the plain ones. */
    static final String[] SPELLINGS = {
        "/api/admin/users",
        "/api/admin/scalepoint/poller",
        "/api;admin/users",
        "/api;admin/scalepoint/poller",
        "/api/admin;x/users",
        "/api/admin/users;x",
        "/api/admin;jsessionid=1/users",
        "/api//admin/users",
        "/api/admin//users",
        "/api/%61dmin/users",
        "/api/admin/%75sers",
        "/api/admin%3Bx/users",
        "/api/admin%2Fusers",
        "/api/./admin/users",
        "/api/admin/./users",
        "/api/x/../admin/users",
        "/api/admin/users/",
        "/api/Admin/users",
        "/API/admin/users",
        "/api/admin/users?x=1",
        "/api/%2561dmin/users",
        "/api/admin/users%20"
    };

    /** A node of its own for the lifetime test (ScalepointNodesIT uses 25481 and 25482). */
    static final int LIFETIME_NODE = 25483;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    URI root() {
        return uri("");
    }

    RawHttp.Full get(String rawPath, String... headers) {
        try {
            return RawHttp.exchange(root(), "GET", rawPath, null, headers);
        } catch (IOException e) {
            throw new IllegalStateException(rawPath, e);
        }
    }

    /**
     * Whether an admin resource answered: JSON data (the user list, the poller's state), or its role
     * check's 403. (A path outside /api, such as /API/..., reaches the console, whose page is HTML.)
     */
    static boolean reachedAdminResource(RawHttp.Full answer) {
        boolean json = answer.header("content-type").stream().anyMatch(t -> t.contains("json"));
        return (answer.status() / 100 == 2 && json)
                || answer.status() == 403
                || answer.body().contains("\"username\"")
                || answer.body().contains("eventsReceived");
    }

    @Test
    void anonymousCallersAreRefusedAtTheDoorWhateverTheSpelling() {
        for (var path : SPELLINGS) {
            var answer = get(path);
            assertThat(reachedAdminResource(answer))
                    .as(path + " → " + answer.status() + " " + answer.body())
                    .isFalse();
            if (path.startsWith("/api")) {
                assertThat(answer.status()).as(path).isIn(400, 401, 404);
                assertThat(answer.header("content-type"))
                        .as(path)
                        .singleElement()
                        .asString()
                        .startsWith("application/problem+json");
            }
        }
        // The plain spellings are refused for want of credentials, with a challenge.
        assertThat(get(SPELLINGS[0]).status()).isEqualTo(401);
        assertThat(get(SPELLINGS[0]).header("www-authenticate"))
                .singleElement()
                .asString()
                .startsWith("Basic ");
        // ...and open to the right ones: the refusals above are not a broken endpoint.
        assertThat(get(SPELLINGS[0], "Authorization", admin()).status()).isEqualTo(200);
        assertThat(get(SPELLINGS[1], "Authorization", admin()).status()).isEqualTo(200);
    }

    @Test
    void aConsoleSessionNeverOpensTheAdminApi() {
        browser = new Browser(root(), "UTC");
        browser.open("login");
        browser.login("admin", ADMIN_PASSWORD);
        browser.waitForPath("/");
        var cookie = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("the console's session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        var session = "JSESSIONID=" + cookie.getValue();

        // The session is a real admin login: the console still shows the user list with it.
        browser.open("users");
        browser.waitForText("#users vaadin-grid-cell-content", "admin");

        for (var path : SPELLINGS) {
            var answer = get(path, "Cookie", session);
            assertThat(reachedAdminResource(answer))
                    .as(path + " with a console session → " + answer.status() + " " + answer.body())
                    .isFalse();
        }
    }

    @Test
    void answersWithSecretsOrCustomerDataAreNeverStored() throws IOException {
        var issued = RawHttp.exchange(
                root(), "POST", "/api/admin/scalepoint/webhook-clients", new byte[0], "Authorization", admin());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.body()).contains("clientSecret");
        assertThat(issued.header("cache-control")).containsExactly("no-store");

        assertThat(get("/api/admin/scayle/delegations?size=1", "Authorization", admin())
                        .header("cache-control"))
                .containsExactly("no-store");
        assertThat(get("/api/admin/users", "Authorization", admin()).header("cache-control"))
                .containsExactly("no-store");
        assertThat(get("/api/admin/users").header("cache-control")).containsExactly("no-store");
        assertThat(get("/login").header("cache-control")).containsExactly("no-store");
        var token = RawHttp.exchange(
                root(),
                "POST",
                "/oauth/token",
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(token.header("cache-control")).containsExactly("no-store");
    }

    @Test
    void stateChangingCallsFromAnotherSiteAreRefused() throws IOException {
        long before = count("SELECT count(*) FROM cred_webhook_client");
        for (var headers : new String[][] {
            {"Origin", "https://evil.example"},
            {"Sec-Fetch-Site", "cross-site"},
            {"Sec-Fetch-Site", "same-site"},
            {"Origin", "null"}
        }) {
            var answer = RawHttp.exchange(
                    root(),
                    "POST",
                    "/api/admin/scalepoint/webhook-clients",
                    new byte[0],
                    "Authorization",
                    admin(),
                    headers[0],
                    headers[1]);
            assertThat(answer.status())
                    .as(String.join(": ", headers) + " → " + answer.body())
                    .isEqualTo(403);
            assertThat(answer.header("content-type")).singleElement().asString().startsWith("application/problem+json");
        }
        assertThat(count("SELECT count(*) FROM cred_webhook_client")).isEqualTo(before);

        // The console's own origin, a same-origin fetch, and servers (no header) pass.
        var own = "http://" + root().getHost() + ":" + root().getPort();
        for (var headers : new String[][] {
            {"Origin", own},
            {"Sec-Fetch-Site", "same-origin"},
            {"Origin", "https://gateway.example.com"},
            {"X-Nothing", "x"}
        }) {
            var answer = RawHttp.exchange(
                    root(),
                    "POST",
                    "/api/admin/scalepoint/webhook-clients",
                    new byte[0],
                    "Authorization",
                    admin(),
                    headers[0],
                    headers[1]);
            assertThat(answer.status())
                    .as(String.join(": ", headers) + " → " + answer.body())
                    .isEqualTo(201);
        }
    }

    @Test
    void aConsoleLoginEndsAfterItsAbsoluteLifetimeHoweverActive() {
        try (var node = ExtraNode.start(LIFETIME_NODE, Map.of("ORDERGATE_CONSOLE_SESSION_LIFETIME", "PT20S"))) {
            browser = new Browser(node.uri(""), "UTC");
            browser.open("login");
            browser.login("admin", ADMIN_PASSWORD);
            browser.waitForPath("/");
            var loggedIn = System.nanoTime();
            // Active all the time: a page every two seconds keeps the idle timeout far away.
            while (System.nanoTime() - loggedIn < Duration.ofSeconds(14).toNanos()) {
                browser.open("jobs");
                assertThat(browser.path()).isEqualTo("/jobs");
                Pause.sleep(Duration.ofSeconds(2));
            }
            Pause.sleep(Duration.ofSeconds(8));
            browser.open("jobs");
            browser.waitForPath("/login");
        }
    }
}
