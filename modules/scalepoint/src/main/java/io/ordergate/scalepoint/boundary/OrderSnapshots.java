package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.entity.OrderFetch;
import io.ordergate.scalepoint.entity.OrderSnapshot;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * Order Data as received, versioned, and every fetch. Storing them is the fetch job's work
 * ({@code control.OrderDataStore}). Snapshot bodies carry the claimant's address and contact:
 * {@link #snapshots} is the raw material of {@link ScalepointOrders#detail}, which audits who
 * looked; fetches carry no customer data.
 */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrderSnapshots {

    @PersistenceContext
    EntityManager em;

    /** A version of an order's Order Data. {@code body} is the JSON text as received. */
    public record SnapshotView(int version, Instant fetchedAt, Instant lastSeenAt, String sha256, JsonValue body) {}

    /** One fetch: outcome {@code new-version}, {@code unchanged} or {@code failed}. */
    public record FetchView(
            long fetchId,
            Long jobId,
            Integer attempt,
            Instant startedAt,
            Instant finishedAt,
            String outcome,
            Integer httpStatus,
            String error,
            Integer snapshotVersion) {}

    /** Every version, oldest first. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<SnapshotView> snapshots(String orderToken) {
        return em
                .createNamedQuery(OrderSnapshot.OF_ORDER, OrderSnapshot.class)
                .setParameter("orderToken", orderToken)
                .getResultList()
                .stream()
                .map(s -> new SnapshotView(s.version(), s.fetchedAt(), s.lastSeenAt(), s.sha256(), json(s.body())))
                .toList();
    }

    /** Every fetch, newest first (at most {@code limit}). */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<FetchView> fetches(String orderToken, int limit) {
        return em
                .createNamedQuery(OrderFetch.OF_ORDER, OrderFetch.class)
                .setParameter("orderToken", orderToken)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(f -> new FetchView(
                        f.fetchId(),
                        f.jobId(),
                        f.attempt(),
                        f.startedAt(),
                        f.finishedAt(),
                        f.outcome(),
                        f.httpStatus(),
                        f.error(),
                        f.snapshotVersion()))
                .toList();
    }

    /** Stored bodies were JSON when they were stored. */
    static JsonValue json(String body) {
        try (var reader = Jsons.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }
}
