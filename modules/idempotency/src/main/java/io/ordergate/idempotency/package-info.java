/**
 * Idempotent deliveries: the permanent memory of who was first for an identity and the exact
 * response they got.
 *
 * <p>Public API ({@code boundary}): {@link io.ordergate.idempotency.boundary.Idempotency} with
 * {@link io.ordergate.idempotency.boundary.StoredResponse},
 * {@link io.ordergate.idempotency.boundary.IdempotencyRecord} and
 * {@link io.ordergate.idempotency.boundary.Claim}. Tables owned: {@code idem_record}. Depends on:
 * platform.
 *
 * <p>The claim is a single {@code INSERT ... ON CONFLICT DO NOTHING} on the primary key, inside the
 * caller's transaction: the business rows and the stored response commit or roll back together,
 * and PostgreSQL (not Java, not a cache) decides who is first, on one node or many. A concurrent
 * second claimant blocks on the first one's uncommitted row and then reads its committed response.
 */
package io.ordergate.idempotency;
