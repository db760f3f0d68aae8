/**
 * SCAYLE order delegation: the delegation and cancellation webhooks (contract:
 * {@code shared/specs/scayle.md}), the stored orders and every delivery attempt, and the admin API
 * for merchants and delegations.
 *
 * <p>Public API ({@code boundary}): {@link io.ordergate.scayle.boundary.Delegations} and
 * {@link io.ordergate.scayle.boundary.Cancellations} receive the webhooks;
 * {@link io.ordergate.scayle.boundary.ReceivedDelegations} and
 * {@link io.ordergate.scayle.boundary.ReceivedCancellations} read them back for staff (auditing
 * reads of customer data); the JAX-RS resources and their records.
 * Tables owned: {@code scayle_delegation}, {@code scayle_delegation_item},
 * {@code scayle_delegation_address}, {@code scayle_delivery_attempt}, {@code scayle_cancellation}.
 * Depends on: platform, audit, credentials, idempotency. Never on scalepoint.
 */
package io.ordergate.scayle;
