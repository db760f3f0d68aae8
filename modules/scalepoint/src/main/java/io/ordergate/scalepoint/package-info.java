/**
 * Scalepoint ClaimShop (contract: {@code shared/specs/scalepoint.md}).
 *
 * <ul>
 * <li>Receiving: the events webhook (bearer tokens from the credentials module's {@code /oauth/token},
 * {@code ScalepointEventIntake}) and the long poller ({@code ScalepointPoller} for its status), one
 * pipeline; {@code order_created} creates the order and queues its fetch in one transaction.
 * Received events are listed by {@code ScalepointEvents}.</li>
 * <li>Calling Scalepoint: the connection settings and its test ({@code ScalepointConnection}), the
 * client certificates ({@code ScalepointCertificates}), both resolved for every call by
 * {@code control.OutboundConnection}; the token client ({@code private_key_jwt} or {@code client_secret},
 * cached per scope set), and the Rest Clients behind Fault Tolerance ({@code ScalepointApi}).</li>
 * <li>Fetching: job type {@code scalepoint.fetch-order}; snapshots and every fetch
 * ({@code OrderSnapshots}); orders and refreshes ({@code ScalepointOrders}, which audits who reads
 * an order's customer data).</li>
 * <li>Publishing: an outbox on the job queue, job type {@code scalepoint.publish-event}
 * ({@code ScalepointPublications}); the events offered are {@code PublishableEvent}.</li>
 * </ul>
 *
 * <p>Public API ({@code boundary}): the facades, JAX-RS resources and records. Entities
 * ({@code entity}) map {@code sp_order}, {@code sp_snapshot}, {@code sp_fetch}, {@code sp_event} and
 * {@code sp_publication}; native SQL stays in {@code control} where PostgreSQL is the point (the
 * {@code ON CONFLICT} inserts of events and orders, the poller's lease on the database clock). Tables owned:
 * {@code sp_event}, {@code sp_order}, {@code sp_connection}, {@code sp_certificate},
 * {@code sp_snapshot}, {@code sp_fetch}, {@code sp_publication}, {@code sp_poller}. Depends on:
 * platform, audit, credentials, jobs. Never on scayle.
 */
package io.ordergate.scalepoint;
