package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.PollerLease;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Long-poll mode, as staff see it: the cursor, the node that holds the lease, the last error. The
 * polling itself is {@code control.LongPoller}'s.
 */
@Stateless
@DenyAll
public class ScalepointPoller {

    @Inject
    PollerLease lease;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public PollerStatus status() {
        return lease.status();
    }
}
