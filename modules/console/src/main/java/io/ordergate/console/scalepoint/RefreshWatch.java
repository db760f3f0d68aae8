package io.ordergate.console.scalepoint;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows a refresh from a background thread and pushes what it sees to the browser: asks
 * {@code probe} every {@link #EVERY}, shows each change through {@link UI#access}, and once the
 * refresh has finished runs {@code whenFinished} in the background (to load the new state) and
 * the command it returns in the UI. Stops when finished, when the UI is gone, after
 * {@link #GIVE_UP} or when {@link #stop()} is called (the view stops it when it detaches).
 */
final class RefreshWatch {

    static final Logger LOG = Logger.getLogger(RefreshWatch.class.getName());
    static final Duration EVERY = Duration.ofMillis(300);
    static final Duration GIVE_UP = Duration.ofMinutes(10);

    final UI ui;
    final Supplier<RefreshProgress> probe;
    final Consumer<RefreshProgress> show;
    final Supplier<Command> whenFinished;
    volatile ScheduledFuture<?> future;
    volatile RefreshProgress last;
    final long deadline = System.nanoTime() + GIVE_UP.toNanos();
    volatile boolean stopped;

    RefreshWatch(
            UI ui, Supplier<RefreshProgress> probe, Consumer<RefreshProgress> show, Supplier<Command> whenFinished) {
        this.ui = ui;
        this.probe = probe;
        this.show = show;
        this.whenFinished = whenFinished;
    }

    /** Where the polls run: the console's {@code Watchers}, which run them as the user who started the watch. */
    interface Repeater {
        ScheduledFuture<?> every(Duration every, Runnable task);
    }

    void start(Repeater repeater) {
        future = repeater.every(EVERY, this::poll);
    }

    void stop() {
        stopped = true;
        var running = future;
        if (running != null) {
            running.cancel(false);
        }
    }

    void poll() {
        if (stopped) {
            return;
        }
        try {
            var progress = probe.get();
            if (System.nanoTime() > deadline && !progress.finished()) {
                progress = new RefreshProgress(
                        progress.text() + " — stopped watching after " + GIVE_UP.toMinutes()
                                + " minutes; the job list has the rest",
                        true,
                        false);
            }
            if (!progress.equals(last)) {
                last = progress;
                var shown = progress;
                ui.access(() -> show.accept(shown));
            }
            if (progress.finished()) {
                stop();
                ui.access(whenFinished.get());
            }
        } catch (UIDetachedException e) {
            stop();
        } catch (RuntimeException e) {
            stop();
            LOG.log(Level.WARNING, "Could not follow a Scalepoint order refresh", e);
            try {
                ui.access(
                        () -> show.accept(new RefreshProgress("progress unavailable: " + e.getMessage(), true, true)));
            } catch (UIDetachedException gone) {
                // nobody is looking any more
            }
        }
    }
}
