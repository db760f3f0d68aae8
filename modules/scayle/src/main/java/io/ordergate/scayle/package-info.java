/**
 * SCAYLE order delegation: the delegation and cancellation webhooks (contract:
 * {@code shared/specs/scayle.md}), the stored orders and every delivery attempt, and the admin API
 * for merchants and delegations. Never depends on scalepoint.
 *
 * <p>Where a delegation goes: {@link io.ordergate.scayle.boundary.ScayleWebhooksResource} is the one
 * class that answers SCAYLE ({@code POST /api/scayle/order-delegations} and
 * {@code /order-cancellations}: authenticate, read the body, hand it over, answer), and
 * {@link io.ordergate.scayle.boundary.Delegations} ({@code receive}) is the one transaction that
 * stores a delegation, with the idempotency claim and the audit record; the rows themselves are
 * written by {@code control.Deliveries.storeDelegation}: table {@code scayle_delegation}, entity
 * {@code io.ordergate.scayle.entity.Delegation}, with its items, addresses and delivery attempts
 * ({@code control.Deliveries.recordAttempt} stores each attempt and its audit record for both
 * webhooks). Cancellations likewise go through {@code Cancellations}.
 *
 * <p>{@link io.ordergate.scayle.boundary.Delegations} and
 * {@link io.ordergate.scayle.boundary.Cancellations} receive the webhooks;
 * {@link io.ordergate.scayle.boundary.ReceivedDelegations} and
 * {@link io.ordergate.scayle.boundary.ReceivedCancellations} read them back for staff and audit
 * every read of customer data themselves. Never depends on scalepoint.
 *
 * <p>SCAYLE's Admin API (scayle.md §7, fulfilment spec §6): {@link io.ordergate.scayle.boundary.ScayleAdminApi}
 * keeps the connection (the token sealed) and runs its test;
 * {@link io.ordergate.scayle.boundary.ScayleFulfilmentApi} passes on shipments, cancellations and
 * returns (one attempt per call of the fulfilment module's job) and remembers each call in
 * {@code scayle_admin_call}, with the mark that makes the attempt after an ambiguous one read the
 * order before posting again.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.scayle.boundary.Address},
 * {@link io.ordergate.scayle.boundary.AdminApiCall},
 * {@link io.ordergate.scayle.boundary.AdminApiConnected},
 * {@link io.ordergate.scayle.boundary.AdminApiConnectionView},
 * {@link io.ordergate.scayle.boundary.AdminApiOutcome},
 * {@link io.ordergate.scayle.boundary.AdminApiTest},
 * {@link io.ordergate.scayle.boundary.CancellationApplied},
 * {@link io.ordergate.scayle.boundary.CancellationRequest},
 * {@link io.ordergate.scayle.boundary.CancellationSummary},
 * {@link io.ordergate.scayle.boundary.Cancellations},
 * {@link io.ordergate.scayle.boundary.DelegationAccepted},
 * {@link io.ordergate.scayle.boundary.DelegationDetail},
 * {@link io.ordergate.scayle.boundary.DelegationFilter},
 * {@link io.ordergate.scayle.boundary.DelegationHistory},
 * {@link io.ordergate.scayle.boundary.DelegationRequest},
 * {@link io.ordergate.scayle.boundary.DelegationSort},
 * {@link io.ordergate.scayle.boundary.DelegationStatus},
 * {@link io.ordergate.scayle.boundary.DelegationSummary},
 * {@link io.ordergate.scayle.boundary.Delegations},
 * {@link io.ordergate.scayle.boundary.DeliveryOutcome},
 * {@link io.ordergate.scayle.boundary.FulfilmentCall},
 * {@link io.ordergate.scayle.boundary.Inbound},
 * {@link io.ordergate.scayle.boundary.MerchantCredentials},
 * {@link io.ordergate.scayle.boundary.MerchantSettingsView},
 * {@link io.ordergate.scayle.boundary.ReceivedCancellations},
 * {@link io.ordergate.scayle.boundary.ReceivedDelegations},
 * {@link io.ordergate.scayle.boundary.ScayleActivity},
 * {@link io.ordergate.scayle.boundary.ScayleAdminApi},
 * {@link io.ordergate.scayle.boundary.ScayleAdminApiResource},
 * {@link io.ordergate.scayle.boundary.ScayleCancellationsAdminResource},
 * {@link io.ordergate.scayle.boundary.ScayleDelegationsAdminResource},
 * {@link io.ordergate.scayle.boundary.ScayleFulfilmentApi},
 * {@link io.ordergate.scayle.boundary.ScayleMerchantSettings},
 * {@link io.ordergate.scayle.boundary.ScayleMerchantSettingsResource},
 * {@link io.ordergate.scayle.boundary.ScayleMerchantsResource},
 * {@link io.ordergate.scayle.boundary.ScayleWebhooksResource}
 * <li>Tables: {@code scayle_delegation},
 * {@code scayle_delegation_item},
 * {@code scayle_delegation_address},
 * {@code scayle_delivery_attempt},
 * {@code scayle_cancellation},
 * {@code scayle_merchant_settings},
 * {@code scayle_admin_api},
 * {@code scayle_admin_call}
 * <li>Depends on: platform, audit, credentials, idempotency, stock
 * <li>Publishes: {@link io.ordergate.scayle.boundary.AdminApiConnected},
 * {@link io.ordergate.scayle.boundary.CancellationApplied},
 * {@link io.ordergate.scayle.boundary.DelegationAccepted}
 * <li>Observes: none
 * </ul>
 */
package io.ordergate.scayle;
