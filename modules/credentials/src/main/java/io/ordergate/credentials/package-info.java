/**
 * Who may talk to OrderGate: SCAYLE merchant credentials (generated, keyed-hash at rest, rotated
 * with a grace period, revocable at once; {@code Credentials}), the OAuth2 webhook clients Scalepoint
 * uses and the {@code /oauth/token} endpoint ({@code WebhookClients}, {@code TokenEndpoint}),
 * console/admin users (PBKDF2 hashes; {@code Users}, the console login's {@code UserIdentityStore},
 * {@code StaffAuthentication}), secrets sealed at rest ({@code Vault}), the admin API filter
 * ({@code AdminApi}, with the JSON-only, bounded bodies it binds), throttling of repeated
 * authentication failures, and the bounded audit of requests rejected before authentication
 * ({@code RejectedRequests}: how every module audits them).
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.credentials.boundary.AccessTokens},
 * {@link io.ordergate.credentials.boundary.AdminApi},
 * {@link io.ordergate.credentials.boundary.AdminRequestBodies},
 * {@link io.ordergate.credentials.boundary.AuthenticatedUser},
 * {@link io.ordergate.credentials.boundary.AuthenticationFailed},
 * {@link io.ordergate.credentials.boundary.CredentialInfo},
 * {@link io.ordergate.credentials.boundary.Credentials},
 * {@link io.ordergate.credentials.boundary.CredentialsStartup},
 * {@link io.ordergate.credentials.boundary.IssuedClient},
 * {@link io.ordergate.credentials.boundary.IssuedCredential},
 * {@link io.ordergate.credentials.boundary.IssuedPassword},
 * {@link io.ordergate.credentials.boundary.MerchantInfo},
 * {@link io.ordergate.credentials.boundary.RejectedRequests},
 * {@link io.ordergate.credentials.boundary.ScayleCaller},
 * {@link io.ordergate.credentials.boundary.StaffAuthentication},
 * {@link io.ordergate.credentials.boundary.TokenEndpoint},
 * {@link io.ordergate.credentials.boundary.TokenError},
 * {@link io.ordergate.credentials.boundary.UserIdentityStore},
 * {@link io.ordergate.credentials.boundary.UserInfo},
 * {@link io.ordergate.credentials.boundary.Users},
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
