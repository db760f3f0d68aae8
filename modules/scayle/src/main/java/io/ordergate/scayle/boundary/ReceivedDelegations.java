package io.ordergate.scayle.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scayle.control.ScayleQueries;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delegations we received, as staff read them back. Every read that shows customer data (the
 * list shows e-mails; an order and its payloads show addresses) is recorded in the audit trail
 * here, with the reader, whichever door it came through.
 */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReceivedDelegations {

    @Inject
    ScayleQueries queries;

    @Inject
    AuditTrail audit;

    /** Newest first, paged in the database, with the total; recorded as a listing. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Page<DelegationSummary> list(DelegationFilter filter, Page.Request page, Reader reader) {
        var result = new Page<>(queries.delegations(filter, DelegationSort.NEWEST, page), queries.count(filter));
        listed(filter, result.total(), reader);
        return result;
    }

    /** One page of the list without counting (a lazy grid counts once, separately: see {@link #count}). */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<DelegationSummary> items(DelegationFilter filter, DelegationSort sort, Page.Request page) {
        return queries.delegations(filter, sort, page);
    }

    /**
     * How many delegations match, without loading any. A lazy grid counts once per listing: the
     * count is recorded as the listing, with its filter.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public long count(DelegationFilter filter, Reader reader) {
        var count = queries.count(filter);
        listed(filter, count, reader);
        return count;
    }

    void listed(DelegationFilter filter, long total, Reader reader) {
        audit.record(reader.listed("scayle.delegations.listed", "scayle-delegations", filter, total));
    }

    /** Counts of what SCAYLE sent since {@code since} (the dashboard's today and last 7 days). */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public ScayleActivity activity(Instant since) {
        return queries.activity(since);
    }

    /** The order with everything staff need; who looked at which order is part of the trail. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Optional<DelegationDetail> detail(String merchantKey, String referenceKey, Reader reader) {
        var detail = queries.detail(merchantKey, referenceKey);
        detail.ifPresent(found -> audit.record(AuditEntry.byUser(
                reader.actor(),
                "scayle.delegation.viewed",
                "scayle-order",
                merchantKey + "/" + referenceKey,
                reader.detail(Map.of()))));
        return detail;
    }

    /**
     * The delivery attempts and cancellations of one delegation, for another module's timeline of
     * the order. They carry no customer data (no payloads, addresses or e-mails), so the read is not
     * recorded here: the caller records its own view of the order.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Optional<DelegationHistory> history(String merchantKey, String referenceKey) {
        return queries.detail(merchantKey, referenceKey)
                .map(detail -> new DelegationHistory(detail.attempts(), detail.cancellations()));
    }

    /**
     * The body of one delivery attempt of the delegation exactly as SCAYLE sent it (UTF-8 JSON; it
     * passed validation), for comparing a conflicting redelivery with the first. It carries the
     * customer's data, so the read is recorded.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Optional<String> attemptBody(String merchantKey, String referenceKey, long attemptId, Reader reader) {
        var body = queries.attemptBody(merchantKey, referenceKey, attemptId);
        body.ifPresent(found -> audit.record(AuditEntry.byUser(
                reader.actor(),
                "scayle.delegation.payload-viewed",
                "scayle-order",
                merchantKey + "/" + referenceKey,
                reader.detail(Map.of("attemptId", String.valueOf(attemptId))))));
        return body;
    }
}
