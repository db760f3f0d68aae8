package io.ordergate.webapp.it;

import java.net.URI;
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
