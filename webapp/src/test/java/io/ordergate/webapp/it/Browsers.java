package io.ordergate.webapp.it;

import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser of a console test: opened on the test's server in {@link ConsoleBrowserIT#BROWSER_ZONE}
 * on first use, closed after each test. Register it with
 * {@code @RegisterExtension final Browsers browsers = new Browsers(() -> uri(""));}.
 */
final class Browsers implements AfterEachCallback {

    private final Supplier<URI> base;
    private Browser current;

    /** @param base the console's address, asked for when the first browser opens (the server runs by then) */
    Browsers(Supplier<URI> base) {
        this.base = base;
    }

    /** The test's browser, opened on first use. */
    Browser get() {
        if (current == null) {
            current = new Browser(base.get(), ConsoleBrowserIT.BROWSER_ZONE);
        }
        return current;
    }

    /** A new browser with a fresh profile (no session), the test's earlier one closed. */
    Browser fresh() {
        close();
        return get();
    }

    /**
     * A fresh browser logged in as {@code username} (test users share the admin's password) and on
     * the dashboard.
     */
    Browser loggedIn(String username) {
        var browser = fresh();
        browser.open("login");
        browser.login(username, OrderGateIT.ADMIN_PASSWORD);
        browser.waitForPath("/");
        return browser;
    }

    /** A new console user with one role (and the admin's password). */
    static String newUser(String role) {
        var username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleBrowserIT.createUser(username, role);
        return username;
    }

    void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
