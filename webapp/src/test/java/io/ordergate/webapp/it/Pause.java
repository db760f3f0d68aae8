package io.ordergate.webapp.it;

import java.time.Duration;

/** A test's pause without the checked exception: an interrupt ends the test. */
public final class Pause {

    private Pause() {}

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
