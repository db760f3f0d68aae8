/**
 * Idempotent deliveries: the permanent memory of who was first for an identity and the exact
 * response they got ({@code Idempotency.claim}).
 *
 * <p>The claim is a single {@code INSERT ... ON CONFLICT DO NOTHING} on the primary key, inside the
 * caller's transaction: the business rows and the stored response commit or roll back together,
 * and PostgreSQL (not Java, not a cache) decides who is first, on one node or many. A concurrent
 * second claimant blocks on the first one's uncommitted row and then reads its committed response.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.idempotency.boundary.Claim},
 * {@link io.ordergate.idempotency.boundary.Idempotency},
 * {@link io.ordergate.idempotency.boundary.IdempotencyRecord},
 * {@link io.ordergate.idempotency.boundary.StoredResponse}
 * <li>Tables: {@code idem_record}
 * <li>Depends on: platform
 * <li>Publishes: none
 * <li>Observes: none
 * </ul>
 */
package io.ordergate.idempotency;
