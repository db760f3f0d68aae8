/**
 * Who may talk to OrderGate: SCAYLE merchant credentials and the OAuth2 clients of our webhooks
 * (generated, keyed-hash at rest, rotated with a grace period, revocable at once), console/admin
 * users (PBKDF2 hashes), the master key that protects stored secrets, throttling of repeated
 * authentication failures, and the bounded audit of requests rejected before authentication.
 *
 * <p>Public API ({@code boundary}): {@link io.ordergate.credentials.boundary.ScayleMerchantCredentials},
 * {@link io.ordergate.credentials.boundary.WebhookClients}, the users' facades
 * ({@link io.ordergate.credentials.boundary.UserBootstrap} at startup,
 * {@link io.ordergate.credentials.boundary.UserAuthentication} for logins,
 * {@link io.ordergate.credentials.boundary.UserAdministration} for admins), the identity store of
 * the console login ({@link io.ordergate.credentials.boundary.UserIdentityStore}), the JSON-only,
 * bounded bodies of the admin API ({@link io.ordergate.credentials.boundary.AdminRequestBodies}),
 * {@link io.ordergate.credentials.boundary.RejectedRequests} (how every module audits requests
 * refused before authentication), and their records. Tables owned:
 * {@code cred_user}, {@code cred_user_role}, {@code cred_scayle_merchant},
 * {@code cred_scayle_credential}, {@code cred_webhook_client}, {@code cred_auth_failure},
 * {@code cred_rejection_window}. Depends on:
 * platform, audit.
 */
package io.ordergate.credentials;
