package io.ordergate.console.scalepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.jobs.boundary.JobState;
import io.ordergate.jobs.boundary.JobView;
import io.ordergate.scalepoint.boundary.OrderSnapshots.FetchView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshProgressTest {

    static final long JOB = 42;

    static JobView job(String state, int attempts, String lastError) {
        var now = Instant.parse("2026-03-01T10:00:00Z");
        return new JobView(
                JOB,
                "scalepoint.fetch-order",
                "token",
                JobState.named(state),
                attempts,
                20,
                now,
                now,
                null,
                lastError,
                now,
                now,
                null,
                "{}",
                List.of());
    }

    static FetchView fetch(long jobId, String outcome, Integer version) {
        var now = Instant.parse("2026-03-01T10:00:01Z");
        return new FetchView(7, jobId, 1, now, now, outcome, 200, null, version);
    }

    @Test
    void aRefreshIsQueuedThenRunsThenSaysWhichVersionItFetched() {
        int baseline = RefreshProgress.baseline(job("pending", 0, null));

        assertThat(RefreshProgress.of(JOB, job("pending", 0, null), baseline, List.of()))
                .isEqualTo(new RefreshProgress("queued", false, false));
        assertThat(RefreshProgress.of(JOB, job("running", 1, null), baseline, List.of()))
                .isEqualTo(new RefreshProgress("running (attempt 1)", false, false));
        assertThat(RefreshProgress.of(
                        JOB,
                        job("succeeded", 1, null),
                        baseline,
                        List.of(fetch(JOB, "new-version", 2), fetch(JOB - 1, "new-version", 1))))
                .isEqualTo(new RefreshProgress("fetched v2", true, false));
    }

    @Test
    void anUnchangedOrderSaysWhichVersionItStillIs() {
        assertThat(RefreshProgress.of(
                                JOB,
                                job("succeeded", 1, null),
                                0,
                                List.of(fetch(JOB, "unchanged", 3), fetch(JOB - 1, "new-version", 3)))
                        .text())
                .isEqualTo("unchanged (still v3)");
        // the fetch of another job says nothing about this one
        assertThat(RefreshProgress.of(JOB, job("succeeded", 1, null), 0, List.of(fetch(JOB - 1, "unchanged", 3))))
                .isEqualTo(new RefreshProgress("fetched", true, false));
    }

    @Test
    void aFailedAttemptOfThisRefreshEndsTheWatchWithTheError() {
        assertThat(RefreshProgress.of(JOB, job("failing", 1, "Order Data answered 503"), 0, List.of()))
                .isEqualTo(new RefreshProgress(
                        "failed: Order Data answered 503 (attempt 1; the queue tries again " + "later)", true, true));
        assertThat(RefreshProgress.of(JOB, job("dead", 3, "Order Data rejected the request (400)"), 0, List.of()))
                .isEqualTo(new RefreshProgress("dead: Order Data rejected the request (400)", true, true));
        assertThat(RefreshProgress.of(JOB, job("dead", 3, null), 0, List.of()).text())
                .isEqualTo("dead: unknown error");
    }

    @Test
    void aWaitingJobsEarlierFailuresAreNotThisRefreshsOutcome() {
        var waiting = job("failing", 2, "Order Data answered 500");
        int baseline = RefreshProgress.baseline(waiting);

        assertThat(RefreshProgress.of(JOB, waiting, baseline, List.of()))
                .isEqualTo(new RefreshProgress("queued (after 2 failed attempts)", false, false));
        assertThat(RefreshProgress.of(JOB, job("running", 3, "Order Data answered 500"), baseline, List.of())
                        .text())
                .isEqualTo("running (attempt 3)");
        assertThat(RefreshProgress.of(JOB, job("failing", 3, "Order Data answered 429"), baseline, List.of())
                        .text())
                .startsWith("failed: Order Data answered 429");
    }

    @Test
    void aJobFirstSeenRunningIsAlreadyOnThisRefreshsAttempt() {
        assertThat(RefreshProgress.baseline(job("running", 1, null))).isZero();
        assertThat(RefreshProgress.baseline(null)).isZero();
        assertThat(RefreshProgress.of(
                                JOB,
                                job("failing", 1, "timeout"),
                                RefreshProgress.baseline(job("running", 1, null)),
                                List.of())
                        .finished())
                .isTrue();
    }

    @Test
    void aJobThatVanishedEndsTheWatch() {
        assertThat(RefreshProgress.of(JOB, null, 0, List.of()))
                .isEqualTo(new RefreshProgress("job 42 not found", true, true));
    }
}
