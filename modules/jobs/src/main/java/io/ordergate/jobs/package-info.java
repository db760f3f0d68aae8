/**
 * A durable job queue and outbox in PostgreSQL for every module: enqueue inside the caller's
 * transaction, workers on every node claim due jobs with {@code FOR UPDATE SKIP LOCKED} under a
 * lease, one attempt record per try, a job that runs out of time becomes {@code dead} (visible,
 * never dropped), and people can retry it.
 *
 * <p>What a handler's {@link io.ordergate.jobs.boundary.JobResult} does to its job:
 * <ul>
 * <li>{@code succeeded}: done.
 * <li>{@code retry}: a failed attempt. The job runs again after an exponential back-off with
 * jitter ({@code ordergate.jobs.backoff-base} × 2^(attempt−1), at most
 * {@code ordergate.jobs.backoff-cap}), never earlier than the partner's {@code Retry-After}.
 * <li>{@code deferred}: the handler did not try, because something it depends on said when it
 * can be tried again (an open circuit breaker). The attempt is given back (not counted, no attempt
 * record, the back-off does not grow) and the job runs again after the wait it named; its last
 * error says what it waits for.
 * <li>{@code permanent}: dead at once.
 * </ul>
 * Give-up is by time: a job is never scheduled after its give-up time
 * ({@code ordergate.jobs.give-up-after} after it was queued, default two days), so the last try
 * happens then, and a job that fails or is deferred at or after that time is dead. A partner that
 * is down for less than the give-up time therefore never kills a job. An attempt limit
 * ({@code ordergate.jobs.max-attempts}) applies only when set above 0.
 *
 * <p>Delivery is at least once: a node that dies mid-job leaves a lease that expires, and the job
 * runs again. Handlers must be idempotent. {@code Jobs} enqueues (one job, or many keyed jobs
 * in one statement that wait a delay: a debounce, since a key waiting already gets none), lists and retries; a module
 * implements {@code JobHandler} for its job type. Credentials is a dependency for the admin API's
 * authentication.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.jobs.boundary.Job},
 * {@link io.ordergate.jobs.boundary.JobHandler},
 * {@link io.ordergate.jobs.boundary.JobRequested},
 * {@link io.ordergate.jobs.boundary.JobResult},
 * {@link io.ordergate.jobs.boundary.JobState},
 * {@link io.ordergate.jobs.boundary.JobSummary},
 * {@link io.ordergate.jobs.boundary.JobView},
 * {@link io.ordergate.jobs.boundary.Jobs},
 * {@link io.ordergate.jobs.boundary.JobsResource},
 * {@link io.ordergate.jobs.boundary.RetryResult}
 * <li>Tables: {@code job}, {@code job_attempt}
 * <li>Depends on: platform, audit
 * <li>Publishes: none
 * <li>Observes: none
 * </ul>
 */
package io.ordergate.jobs;
