package io.ordergate.scayle.boundary;

import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scayle.control.ScayleQueries;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The cancellations SCAYLE sent, including those for orders we never received, as staff list them. */
@Stateless
@DenyAll
public class ReceivedCancellations {

    @Inject
    ScayleQueries queries;

    /** Newest first, paged in the database; null filters mean "any". */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<CancellationSummary> list(String merchantKey, Boolean unknownOrder, Page.Request page) {
        return queries.cancellations(merchantKey, unknownOrder, page);
    }
}
