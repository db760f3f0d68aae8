package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.control.OrderDataParser;
import io.ordergate.scalepoint.control.OrderFetchHandler;
import io.ordergate.scalepoint.entity.ClaimOrder;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scalepoint orders: paged lists, one order with its history, and Order Data refreshes.
 *
 * <p>Who reads customer data is audited here, once, whoever asks (console or admin API), as for
 * SCAYLE's orders: {@link #detail} shows the claimant's delivery address and contact from the Order
 * Data and records {@code scalepoint.order.viewed}; a listing ({@link #list}, or a lazy grid's
 * {@link #count}) records {@code scalepoint.orders.listed} with its filter and total, since its rows
 * carry the delivery name and city and the contact e-mail. {@link #find} is for callers that act on
 * an order, not for showing it.
 */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ScalepointOrders {

    /** The statuses' wire names, in order. */
    static final List<String> STATUSES = OrderStatus.WIRE;

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    ScalepointEvents events;

    @Inject
    ScalepointPublications publications;

    /** Newest first, paged in the database, with the total; recorded as a listing by {@code reader}. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Page<ScalepointOrder> list(OrderFilter filter, Page.Request page, Reader reader) {
        var result = new Page<>(items(filter, page), count(filter));
        listed(filter, result.total(), reader);
        return result;
    }

    /** One page of the list without counting (a lazy grid counts once, separately: see {@link #count}). */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<ScalepointOrder> items(OrderFilter filter, Page.Request page) {
        var cb = em.getCriteriaBuilder();
        var rows = cb.createQuery(ClaimOrder.class);
        var order = rows.from(ClaimOrder.class);
        rows.select(order)
                .where(filters(cb, order, filter))
                .orderBy(cb.desc(order.get("createdAt")), cb.asc(order.get("orderToken")));
        return em.createQuery(rows).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(ScalepointOrders::order)
                .toList();
    }

    /**
     * How many orders match, without loading any. A lazy grid counts once per listing: the count is
     * recorded as the listing, with its filter (the rows carry the claimant's name, city and e-mail).
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public long count(OrderFilter filter, Reader reader) {
        var count = count(filter);
        listed(filter, count, reader);
        return count;
    }

    long count(OrderFilter filter) {
        var cb = em.getCriteriaBuilder();
        var count = cb.createQuery(Long.class);
        var counted = count.from(ClaimOrder.class);
        count.select(cb.count(counted)).where(filters(cb, counted, filter));
        return em.createQuery(count).getSingleResult();
    }

    void listed(OrderFilter filter, long total, Reader reader) {
        audit.record(reader.listed("scalepoint.orders.listed", "scalepoint-orders", filter, total));
    }

    /** How many orders are in each status (pending, fetched, failed, dead), every status present. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Map<String, Long> countByStatus() {
        var counts = new LinkedHashMap<String, Long>();
        STATUSES.forEach(status -> counts.put(status, 0L));
        var cb = em.getCriteriaBuilder();
        var query = cb.createTupleQuery();
        var order = query.from(ClaimOrder.class);
        Path<OrderStatus> status = order.get("status");
        query.multiselect(status.alias("status"), cb.count(order).alias("orders"))
                .groupBy(status);
        em.createQuery(query)
                .getResultList()
                .forEach(row -> counts.put(
                        LowerCaseEnum.wire(row.get("status", OrderStatus.class)), row.get("orders", Long.class)));
        return counts;
    }

    /** @param orderToken in any case */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Optional<ScalepointOrder> find(String orderToken) {
        return Optional.ofNullable(em.find(ClaimOrder.class, orderToken.toLowerCase(Locale.ROOT)))
                .map(ScalepointOrders::order);
    }

    /**
     * The order with its snapshots, fetches, events and publications. The Order Data carries the
     * claimant's address and contact, so the read is audited as {@code scalepoint.order.viewed} by
     * {@code actor}, in the transaction that reads it.
     *
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<ScalepointOrderDetail> detail(String orderToken, Reader reader) {
        return find(orderToken).map(order -> {
            var versions = snapshots.snapshots(order.orderToken());
            var data = versions.isEmpty()
                    ? null
                    : OrderDataParser.parse(versions.get(versions.size() - 1).body());
            var detail = new ScalepointOrderDetail(
                    order.orderToken(),
                    order.status(),
                    order.caseInfo(),
                    order,
                    data,
                    versions,
                    snapshots.fetches(order.orderToken(), 200),
                    events.list(null, order.orderToken(), new Page.Request(0, 100))
                            .items(),
                    publications.forOrder(order.orderToken()));
            audit.record(AuditEntry.byUser(
                    reader.actor(),
                    "scalepoint.order.viewed",
                    "scalepoint-order",
                    order.orderToken(),
                    reader.detail(Map.of())));
            return detail;
        });
    }

    /**
     * Queues a fetch of the order's Order Data now. When a fetch is already waiting (perhaps
     * backing off), that one serves and runs now; a fetch that is already running does not serve,
     * since it may have read the order before the change the user is refreshing for.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RefreshRequested refresh(String orderToken, String actor) {
        var order = em.find(ClaimOrder.class, orderToken.toLowerCase(Locale.ROOT));
        if (order == null) {
            throw new ProblemException(404, "Not Found", "There is no Scalepoint order '" + orderToken + "'.");
        }
        var token = order.orderToken();
        // A fetch that is already running may have read the order before it changed: queue the next one.
        var requested = jobs.request(OrderFetchHandler.JOB_TYPE, token, OrderFetchHandler.payload(token));
        long jobId = requested.jobId();
        order.fetchQueued(jobId);
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_USER,
                actor,
                "scalepoint.order.refresh-requested",
                requested.queued() ? "queued" : "already-queued",
                "scalepoint-order",
                token,
                null,
                null,
                null,
                Map.of("jobId", String.valueOf(jobId))));
        return new RefreshRequested(token, jobId, !requested.queued());
    }

    static Predicate[] filters(CriteriaBuilder cb, Root<ClaimOrder> order, OrderFilter filter) {
        var filters = new ArrayList<Predicate>();
        if (filter.status() != null) {
            filters.add(cb.equal(order.get("status"), filter.status()));
        }
        if (filter.caseNumber() != null && !filter.caseNumber().isBlank()) {
            filters.add(cb.equal(order.get("caseNumber"), filter.caseNumber()));
        }
        if (filter.from() != null) {
            filters.add(cb.greaterThanOrEqualTo(order.<Instant>get("createdAt"), filter.from()));
        }
        if (filter.to() != null) {
            filters.add(cb.lessThan(order.<Instant>get("createdAt"), filter.to()));
        }
        return filters.toArray(Predicate[]::new);
    }

    static ScalepointOrder order(ClaimOrder o) {
        return new ScalepointOrder(
                o.orderToken(),
                o.status(),
                new CaseInfo(o.caseUuid(), o.caseNumber(), o.externalClaimId(), o.caseToken(), o.caseType()),
                o.orderNumber(),
                o.orderStatus(),
                o.currency(),
                o.total(),
                o.lineCount(),
                o.deliveryName(),
                o.deliveryCity(),
                o.deliveryCountry(),
                o.contactEmail(),
                o.snapshotVersion(),
                o.fetchedAt(),
                o.lastError(),
                o.fetchJobId(),
                o.createdAt(),
                o.updatedAt(),
                o.nextRefreshAt(),
                o.refreshStopped());
    }
}
