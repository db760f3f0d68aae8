package io.ordergate.credentials.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.credentials.control.RejectionWindows;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The audit trail of requests refused before their caller was authenticated (missing, malformed or
 * unknown credentials, throttled sources), kept bounded: per source (an IPv4 address or an IPv6 /64)
 * and window the first few are audited one by one, the rest are counted, and when the window is
 * over one record ({@link RejectionWindows#SUMMARY_ACTION}) says how many more there were.
 * Rejections of authenticated callers are accountable and are audited in full, not through here.
 * Open to every caller: it is called precisely when there is no authenticated one.
 */
@Stateless
@PermitAll
public class RejectedRequests {

    @Inject
    RejectionWindows windows;

    /**
     * Audits a rejection, or only counts it when its source ({@link AuditEntry#source()}) has used
     * its allowance of this window. Commits on its own, whatever the caller's transaction does.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void audit(AuditEntry entry) {
        windows.rejected(entry);
    }
}
