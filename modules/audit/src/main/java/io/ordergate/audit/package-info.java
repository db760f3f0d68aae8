/**
 * The audit trail: one append-only record for every inbound request (accepted or rejected), every
 * credential change and every admin action, written in the same transaction as its effect; sealed
 * into a keyed hash chain, verified, and anchored by signed checkpoints kept outside the database.
 *
 * <p>Public API ({@code boundary}): {@link io.ordergate.audit.boundary.AuditTrail} and the
 * {@link io.ordergate.audit.boundary.AuditEntry} record; for auditors
 * {@link io.ordergate.audit.boundary.AuditSearch}, {@link io.ordergate.audit.boundary.AuditSeals}
 * (verification, checkpoints) and the admin resource. Tables owned: {@code audit_record},
 * {@code audit_unsealed}, {@code audit_seal}, {@code audit_chain_anchor}. Depends on: platform.
 * Records never contain a secret; payloads are referenced, not copied.
 *
 * <p>The chain's keys are derived from the master key through the platform's
 * {@link io.ordergate.platform.boundary.MasterKeys}, not through credentials: audit sits below
 * credentials (credentials writes audit records), so depending on it would be a cycle, and a
 * second reading of {@code ordergate.master.key} here would be a second place to get the key's
 * rules wrong. The platform's startup check also guarantees that nothing is sealed under a wrong
 * key ({@code AuditSealer} starts after {@code MasterKeyCheck}).
 */
package io.ordergate.audit;
