package io.ordergate.console.scalepoint;

import io.ordergate.jobs.boundary.JobState;
import io.ordergate.jobs.boundary.JobView;
import io.ordergate.scalepoint.boundary.OrderSnapshots;
import java.util.List;

/**
 * What a refresh of an order's Order Data is doing, in words, from its fetch job and the fetches
 * recorded for it: queued → running (attempt n) → fetched vN / unchanged / failed: error / dead:
 * error. The job may be one that was already waiting, perhaps after failed attempts: only attempts
 * beyond {@code baseline} (the job's attempts when the refresh was asked for) belong to this
 * refresh, so an old failure is not reported as its outcome.
 *
 * @param finished nothing more will happen for this refresh without a new request (a failed attempt
 *     counts: the queue retries it later, after a back-off)
 */
record RefreshProgress(String text, boolean finished, boolean failed) {

    static RefreshProgress queued() {
        return new RefreshProgress("queued", false, false);
    }

    /** The attempts a job had before this refresh: a running one is already on this refresh's attempt. */
    static int baseline(JobView job) {
        if (job == null) {
            return 0;
        }
        return job.state() == JobState.RUNNING ? Math.max(0, job.attempts() - 1) : job.attempts();
    }

    /**
     * @param job the fetch job now; null when it cannot be found
     * @param fetches the order's recorded fetches, newest first
     */
    static RefreshProgress of(long jobId, JobView job, int baseline, List<OrderSnapshots.FetchView> fetches) {
        if (job == null) {
            return new RefreshProgress("job " + jobId + " not found", true, true);
        }
        var error = job.lastError() == null ? "unknown error" : job.lastError();
        return switch (job.state()) {
            case RUNNING -> new RefreshProgress("running (attempt " + job.attempts() + ")", false, false);
            case SUCCEEDED -> succeeded(job, fetches);
            case DEAD -> new RefreshProgress("dead: " + error, true, true);
            case FAILING ->
                job.attempts() > baseline
                        ? new RefreshProgress(
                                "failed: " + error + " (attempt " + job.attempts() + "; the queue tries "
                                        + "again later)",
                                true,
                                true)
                        : new RefreshProgress(
                                "queued (after " + job.attempts() + " failed attempt" + (job.attempts() == 1 ? "" : "s")
                                        + ")",
                                false,
                                false);
            default -> queued();
        };
    }

    static RefreshProgress succeeded(JobView job, List<OrderSnapshots.FetchView> fetches) {
        var fetch = fetches.stream()
                .filter(f -> f.jobId() != null && f.jobId() == job.id())
                .findFirst()
                .orElse(null);
        if (fetch == null || fetch.snapshotVersion() == null) {
            return new RefreshProgress("fetched", true, false);
        }
        return fetch.outcome().equals("unchanged")
                ? new RefreshProgress("unchanged (still v" + fetch.snapshotVersion() + ")", true, false)
                : new RefreshProgress("fetched v" + fetch.snapshotVersion(), true, false);
    }
}
