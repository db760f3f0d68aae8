/**
 * Who may talk to OrderGate: SCAYLE merchant credentials and the OAuth2 clients of our webhooks
 * (generated, keyed-hash at rest, rotated with a grace period, revocable at once), console/admin
 * users (PBKDF2 hashes), the master key that protects stored secrets, throttling of repeated
 * authentication failures, and the bounded audit of requests rejected before authentication.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.credentials.boundary.AccessTokens},
 * {@link io.ordergate.credentials.boundary.AdminRequestBodies},
 * {@link io.ordergate.credentials.boundary.AuthenticatedUser},
 * {@link io.ordergate.credentials.boundary.AuthenticationFailed},
 * {@link io.ordergate.credentials.boundary.ClientsAdminResource},
 * {@link io.ordergate.credentials.boundary.CredentialsStartup},
 * {@link io.ordergate.credentials.boundary.IssuedClient},
 * {@link io.ordergate.credentials.boundary.IssuedPassword},
 * {@link io.ordergate.credentials.boundary.IssuedScayleCredential},
 * {@link io.ordergate.credentials.boundary.RejectedRequests},
 * {@link io.ordergate.credentials.boundary.ScayleCaller},
 * {@link io.ordergate.credentials.boundary.ScayleCredentialInfo},
 * {@link io.ordergate.credentials.boundary.ScayleMerchantCredentials},
 * {@link io.ordergate.credentials.boundary.ScayleMerchantInfo},
 * {@link io.ordergate.credentials.boundary.StaffAuthentication},
 * {@link io.ordergate.credentials.boundary.TokenEndpoint},
 * {@link io.ordergate.credentials.boundary.TokenError},
 * {@link io.ordergate.credentials.boundary.UserAdministration},
 * {@link io.ordergate.credentials.boundary.UserAuthentication},
 * {@link io.ordergate.credentials.boundary.UserBootstrap},
 * {@link io.ordergate.credentials.boundary.UserIdentityStore},
 * {@link io.ordergate.credentials.boundary.UserInfo},
 * {@link io.ordergate.credentials.boundary.UsersResource},
 * {@link io.ordergate.credentials.boundary.Vault},
 * {@link io.ordergate.credentials.boundary.WebhookCaller},
 * {@link io.ordergate.credentials.boundary.WebhookClientInfo},
 * {@link io.ordergate.credentials.boundary.WebhookClients}
 * <li>Tables: {@code cred_user},
 * {@code cred_user_role},
 * {@code cred_scayle_merchant},
 * {@code cred_scayle_credential},
 * {@code cred_auth_failure},
 * {@code cred_webhook_client},
 * {@code cred_rejection_window}
 * <li>Depends on: platform, audit
 * <li>Publishes: none
 * <li>Observes: none
 * </ul>
 */
package io.ordergate.credentials;
