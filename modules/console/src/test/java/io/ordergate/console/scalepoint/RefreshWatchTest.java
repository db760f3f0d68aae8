package io.ordergate.console.scalepoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RefreshWatchTest {

    /** Runs what is pushed at once, as if the session lock were free; or refuses, once detached. */
    static final class TestUi extends UI {

        private static final long serialVersionUID = 1L;
        volatile boolean detached;

        @Override
        public Future<Void> access(Command command) {
            if (detached) {
                throw new UIDetachedException();
            }
            command.execute();
            return CompletableFuture.completedFuture(null);
        }
    }

    final TestUi ui = new TestUi();
    final List<String> shown = new ArrayList<>();
    final AtomicInteger probes = new AtomicInteger();
    final AtomicInteger finishes = new AtomicInteger();

    RefreshWatch watch(Supplier<RefreshProgress> probe) {
        return new RefreshWatch(
                ui,
                () -> {
                    probes.incrementAndGet();
                    return probe.get();
                },
                p -> shown.add(p.text()),
                () -> {
                    finishes.incrementAndGet();
                    return () -> shown.add("reloaded");
                });
    }

    static Supplier<RefreshProgress> sequence(RefreshProgress... progress) {
        Iterator<RefreshProgress> next = List.of(progress).iterator();
        return () -> {
            if (!next.hasNext()) {
                throw new AssertionError("probed after the refresh had finished");
            }
            return next.next();
        };
    }

    @Test
    void eachChangeIsShownOnceThenTheOrderIsReloadedAndPollingStops() {
        var watch = watch(sequence(
                RefreshProgress.queued(),
                RefreshProgress.queued(),
                new RefreshProgress("running (attempt 1)", false, false),
                new RefreshProgress("fetched v2", true, false)));

        for (int i = 0; i < 6; i++) {
            watch.poll();
        }

        assertThat(shown).containsExactly("queued", "running (attempt 1)", "fetched v2", "reloaded");
        assertThat(probes).hasValue(4);
        assertThat(finishes).hasValue(1);
    }

    @Test
    void aUiThatIsGoneEndsTheWatch() {
        var watch = watch(() -> RefreshProgress.queued());
        ui.detached = true;

        watch.poll();
        watch.poll();

        assertThat(probes).hasValue(1);
        assertThat(shown).isEmpty();
    }

    @Test
    void aProbeThatFailsSaysSoAndEndsTheWatch() {
        var watch = watch(() -> {
            throw new IllegalStateException("database unavailable");
        });

        watch.poll();
        watch.poll();

        assertThat(shown).containsExactly("progress unavailable: database unavailable");
        assertThat(probes).hasValue(1);
        assertThat(finishes).hasValue(0);
    }

    @Test
    void aStartedWatchPollsOnTheSchedulerUntilStopped() throws InterruptedException {
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            var polled = new CountDownLatch(3);
            var watch = watch(() -> {
                polled.countDown();
                return RefreshProgress.queued();
            });

            watch.start((every, task) ->
                    scheduler.scheduleWithFixedDelay(task, 0, every.toMillis(), TimeUnit.MILLISECONDS));

            assertThat(polled.await(10, TimeUnit.SECONDS)).isTrue();
            watch.stop();
            assertThat(watch.future.isCancelled()).isTrue();
            int after = probes.get();
            Thread.sleep(RefreshWatch.EVERY.toMillis() * 3); // room for polls that must not happen
            assertThat(probes.get()).isLessThanOrEqualTo(after + 1); // one may have been under way
            assertThat(shown).containsExactly("queued");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
