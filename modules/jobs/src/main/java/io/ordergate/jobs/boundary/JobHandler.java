package io.ordergate.jobs.boundary;

/**
 * Runs the jobs of one type; a module provides it as a CDI bean. Called on a worker thread without
 * a transaction and at least once per job: it must be idempotent. An exception counts as a
 * retryable failure.
 */
public interface JobHandler {

    /** The job type this handler runs, e.g. {@code scalepoint.fetch-order}. */
    String type();

    JobResult run(Job job);
}
