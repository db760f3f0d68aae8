package io.ordergate.webapp.it;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test class starts once for all its tests (a simulator, a PostgreSQL of its own, a node,
 * a cluster): each part is stopped after the last test, in the reverse order of starting, also
 * when a later part failed to start. Register it with
 * {@code @RegisterExtension static final Fixture FIXTURE = new Fixture();} and start the parts in a
 * {@code @BeforeAll} through {@link #add}.
 */
public final class Fixture implements AfterAllCallback {

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();

    /** Stops {@code part} after the class's tests, before everything added earlier; returns it. */
    public <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Exception failure = null;
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
