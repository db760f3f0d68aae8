/**
 * The audit trail: one append-only record for every inbound request (accepted or rejected), every
 * credential change and every admin action, written in the same transaction as its effect; sealed
 * into a keyed hash chain, verified, and anchored by signed checkpoints kept outside the database.
 * Writers use {@code AuditTrail} with an {@code AuditEntry}; auditors read through
 * {@code AuditSearch} and verify through {@code AuditSeals} (verification, checkpoints). Records
 * never contain a secret; payloads are referenced, not copied.
 *
 * <p>The chain's keys are derived from the master key through the platform's
 * {@link io.ordergate.platform.boundary.MasterKeys}, not through credentials: audit sits below
 * credentials (credentials writes audit records), so depending on it would be a cycle, and a
 * second reading of {@code ordergate.master.key} here would be a second place to get the key's
 * rules wrong. The platform's startup check also guarantees that nothing is sealed under a wrong
 * key ({@code AuditSealer} starts after {@code MasterKeyCheck}).
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.audit.boundary.AuditCheckpoint},
 * {@link io.ordergate.audit.boundary.AuditEntry},
 * {@link io.ordergate.audit.boundary.AuditFilter},
 * {@link io.ordergate.audit.boundary.AuditFilterParams},
 * {@link io.ordergate.audit.boundary.AuditResource},
 * {@link io.ordergate.audit.boundary.AuditSeals},
 * {@link io.ordergate.audit.boundary.AuditSearch},
 * {@link io.ordergate.audit.boundary.AuditTrail},
 * {@link io.ordergate.audit.boundary.AuditVerification},
 * {@link io.ordergate.audit.boundary.AuditView},
 * {@link io.ordergate.audit.boundary.Reader}
 * <li>Tables: {@code audit_record},
 * {@code audit_unsealed},
 * {@code audit_seal},
 * {@code audit_chain_anchor}
 * <li>Depends on: platform
 * <li>Publishes: none
 * <li>Observes: none
 * </ul>
 */
package io.ordergate.audit;
