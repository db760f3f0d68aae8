/**
 * The audit trail: one append-only record for every inbound request (accepted or rejected), every
 * credential change and every admin action, written in the same transaction as its effect.
 *
 * <p>Public API ({@code boundary}): {@link io.ordergate.audit.boundary.AuditTrail} and the
 * {@link io.ordergate.audit.boundary.AuditEntry} record. Tables owned: {@code audit_record}.
 * Depends on: platform. Records never contain a secret; payloads are referenced, not copied.
 */
package io.ordergate.audit;
