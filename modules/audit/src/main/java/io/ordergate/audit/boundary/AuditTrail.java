package io.ordergate.audit.boundary;

import io.ordergate.audit.control.AuditRecords;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Writes audit records. Joins the caller's transaction, so a record exists exactly when the effect
 * it describes was committed; called without one (a rejection), it commits on its own.
 */
@Stateless
@PermitAll
public class AuditTrail {

    @Inject
    AuditRecords records;

    /** @return the id of the new record */
    public long record(AuditEntry entry) {
        return records.append(entry);
    }
}
