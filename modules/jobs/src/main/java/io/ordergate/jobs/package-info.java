/**
 * A durable job queue and outbox in PostgreSQL for every module: enqueue inside the caller's
 * transaction, workers on every node claim due jobs with {@code FOR UPDATE SKIP LOCKED} under a
 * lease, exponential backoff with jitter that honours {@code Retry-After}, one attempt record per
 * try, a job that exhausts its attempts or time limit becomes {@code dead} (visible, never
 * dropped), and people can retry it.
 *
 * <p>Public API ({@code boundary}): {@link io.ordergate.jobs.boundary.Jobs} (enqueue, list,
 * retry), the {@link io.ordergate.jobs.boundary.JobHandler} a module implements for its job type,
 * {@link io.ordergate.jobs.boundary.Job}, {@link io.ordergate.jobs.boundary.JobResult}, and the
 * admin resource. Tables owned: {@code job}, {@code job_attempt}. Depends on: platform, audit,
 * credentials (admin API authentication).
 *
 * <p>Delivery is at least once: a node that dies mid-job leaves a lease that expires, and the job
 * runs again. Handlers must be idempotent.
 */
package io.ordergate.jobs;
