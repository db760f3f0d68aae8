/**
 * The shared kernel of OrderGate.
 *
 * <p>Public API ({@code boundary}): the datasource and its Flyway migration at startup
 * ({@link io.ordergate.platform.boundary.Database}), RFC 9457 problem responses
 * ({@link io.ordergate.platform.boundary.Problem}, {@link io.ordergate.platform.boundary.ProblemException})
 * and their exception mappers, bounded request body reading and media type checks, the guards that
 * answer bad input as problems before it reaches anything else (malformed {@code Content-Type},
 * traversal in paths, the container's own errors), JSON hashing helpers, paging records,
 * the {@link java.time.Clock} producer, the master key and the keys derived from it
 * ({@link io.ordergate.platform.boundary.MasterKeys}; here because credentials and the audit trail
 * both need it and audit must not depend on credentials) with the startup check that it is the key
 * this database was used with ({@link io.ordergate.platform.boundary.MasterKeyCheck}), the database
 * readiness check, the application's metrics
 * ({@link io.ordergate.platform.boundary.Meters}, the pool gauges, {@link io.ordergate.platform.boundary.Refreshing}
 * for gauges that read the database), the client's address behind trusted proxies
 * ({@link io.ordergate.platform.boundary.ClientAddress}), the rule for partner URLs OrderGate calls
 * ({@link io.ordergate.platform.boundary.OutboundUrls}: https to public addresses only).
 *
 * <p>Tables owned: {@code platform_master_key} (and Flyway's own {@code flyway_schema_history}).
 * Depends on nothing but the platform APIs.
 */
package io.ordergate.platform;
