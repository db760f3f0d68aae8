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

    /**
     * Called in the transaction that records an attempt's outcome, once the queue has decided the
     * job's new state ({@code pending}, {@code succeeded} or {@code dead}): the place to keep a
     * module's own status in step with its job. Not called when the worker lost the job to
     * another node meanwhile. An exception rolls the outcome back; the job then runs again.
     */
    default void recorded(Job job, JobResult result, String state) {}
}
