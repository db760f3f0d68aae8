/**
 * The shared kernel of OrderGate: the datasource and its Flyway migration at startup
 * ({@code Database}), RFC 9457 problem responses and their exception mappers, bounded request body
 * reading and media type checks, the guards that answer bad input as problems before it reaches
 * anything else (malformed {@code Content-Type}, traversal in paths, the container's own errors),
 * JSON hashing helpers, paging records, native query rows read by column name ({@code SqlRow}),
 * lower-case wire forms of enums ({@code LowerCaseEnum}), the {@link java.time.Clock} producer, the
 * master key and the keys derived from it ({@code MasterKeys}; here because credentials and the audit
 * trail both need it and audit must not depend on credentials) with the startup check that it is the
 * key this database was used with ({@code MasterKeyCheck}), the database readiness check, the
 * application's metrics ({@code Meters}, the pool gauges, {@code Refreshing} for gauges that read the
 * database), the client's address behind trusted proxies ({@code ClientAddress}), and the rule for
 * partner URLs OrderGate calls ({@code OutboundUrls}: https to public addresses only) with the
 * toolkit every partner client is built with ({@code PartnerClients}: timeouts, no redirects, bounded
 * answers, and the failures the job queue retries: {@code PartnerUnavailable}, {@code RateLimited}).
 *
 * <p>Flyway's own {@code flyway_schema_history} is created by Flyway, not by a migration.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.platform.boundary.AdminApi},
 * {@link io.ordergate.platform.boundary.AdminApiDoor},
 * {@link io.ordergate.platform.boundary.BadPartnerResponse},
 * {@link io.ordergate.platform.boundary.BatchRhythm},
 * {@link io.ordergate.platform.boundary.ClientAddress},
 * {@link io.ordergate.platform.boundary.Clocks},
 * {@link io.ordergate.platform.boundary.ContainerErrors},
 * {@link io.ordergate.platform.boundary.CrossSiteRequests},
 * {@link io.ordergate.platform.boundary.Database},
 * {@link io.ordergate.platform.boundary.DatabasePoolGauges},
 * {@link io.ordergate.platform.boundary.DatabaseReadiness},
 * {@link io.ordergate.platform.boundary.FailFastSessions},
 * {@link io.ordergate.platform.boundary.Hashes},
 * {@link io.ordergate.platform.boundary.InstantConverter},
 * {@link io.ordergate.platform.boundary.Jsons},
 * {@link io.ordergate.platform.boundary.LowerCaseEnum},
 * {@link io.ordergate.platform.boundary.MalformedMediaTypes},
 * {@link io.ordergate.platform.boundary.MasterKeyCheck},
 * {@link io.ordergate.platform.boundary.MasterKeys},
 * {@link io.ordergate.platform.boundary.Meters},
 * {@link io.ordergate.platform.boundary.NoStore},
 * {@link io.ordergate.platform.boundary.OutboundUrls},
 * {@link io.ordergate.platform.boundary.Page},
 * {@link io.ordergate.platform.boundary.PartnerClients},
 * {@link io.ordergate.platform.boundary.PartnerResponse},
 * {@link io.ordergate.platform.boundary.PartnerUnavailable},
 * {@link io.ordergate.platform.boundary.Problem},
 * {@link io.ordergate.platform.boundary.ProblemException},
 * {@link io.ordergate.platform.boundary.ProblemMappers},
 * {@link io.ordergate.platform.boundary.ProcessLiveness},
 * {@link io.ordergate.platform.boundary.PublicUrl},
 * {@link io.ordergate.platform.boundary.QueryParams},
 * {@link io.ordergate.platform.boundary.RateLimited},
 * {@link io.ordergate.platform.boundary.Refreshing},
 * {@link io.ordergate.platform.boundary.RequestBodies},
 * {@link io.ordergate.platform.boundary.RequestPaths},
 * {@link io.ordergate.platform.boundary.RestApplication},
 * {@link io.ordergate.platform.boundary.RetryAfter},
 * {@link io.ordergate.platform.boundary.Roles},
 * {@link io.ordergate.platform.boundary.SessionCookies},
 * {@link io.ordergate.platform.boundary.SqlRow},
 * {@link io.ordergate.platform.boundary.StrictJson},
 * {@link io.ordergate.platform.boundary.Unavailable},
 * {@link io.ordergate.platform.boundary.WorkerPools}
 * <li>Tables: {@code platform_master_key}
 * <li>Depends on: none
 * <li>Publishes: none
 * <li>Observes: none
 * </ul>
 */
package io.ordergate.platform;
