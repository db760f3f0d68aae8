package io.ordergate.stock.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.stock.control.StockLevels;
import io.ordergate.stock.entity.StockJournalEntry;
import io.ordergate.stock.entity.StockLevel;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stock levels as the warehouse/ERP reports them: absolute counts per SKU and warehouse, applied
 * unless a later count was applied already, every change journaled and the report audited, all in
 * one transaction.
 *
 * <p>Reports come from an API client of the warehouse ({@link #report}, which the fulfilment API
 * calls once it has checked the client's bearer token) or from staff in the console
 * ({@link #upload}); both are checked the same way here: 400 naming the level for anything the
 * sender must fix, nothing applied then.
 */
@Stateless
@DenyAll
public class Stock {

    /** The most levels one report may carry; a larger stock is sent in several reports. */
    public static final int MAX_LEVELS = 10_000;

    public static final int MAX_KEY_LENGTH = 128;

    /** How far a count may lie in the future (clock skew between the ERP and us). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    StockLevels levels;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A report of the warehouse/ERP; its client was authenticated by the caller. */
    @PermitAll
    public StockApplied report(StockReport report, Reporter reporter) {
        return apply(report, reporter);
    }

    /**
     * Reserves what an order's items can have, in the caller's transaction (the one that accepts the
     * order, so that the answer and the reservation commit together): per item
     * {@code min(quantity, available)} of its level, where concurrent orders of the same SKU wait for
     * each other's row lock and never reserve more than there is; an item whose SKU has no level gets
     * what {@code policy} says. Each level that changes is journaled ({@code reserved}, with the order).
     *
     * @param policy asked only when some SKU has no level
     * @return the deliverable quantity of each item, in the order of {@code demands}
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<Integer> reserve(
            String orderId, List<Demand> demands, Supplier<StockPolicy> policy, String actorType, String actor) {
        return levels.reserve(orderId, demands, policy, actorType, actor, clock.instant());
    }

    /**
     * Gives back what an order's items hold, in the caller's transaction (the one that cancels
     * them): per item at most {@code units}, never more than it holds. Each level that changes is
     * journaled ({@code released}, with the order).
     *
     * @param units per item id, the units that will not be shipped
     * @return per item id, the units released
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Map<String, Integer> release(String orderId, Map<String, Integer> units, String actorType, String actor) {
        return levels.release(orderId, units, false, actorType, actor, clock.instant());
    }

    /**
     * Shipped units leave the shelf: their reservation ends and {@code onHand} drops with it, in the
     * caller's transaction (the one that records the shipment). Journaled as {@code consumed}.
     *
     * @param units per item id, the units shipped
     * @return per item id, the units whose reservation was consumed
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Map<String, Integer> consume(String orderId, Map<String, Integer> units, String actorType, String actor) {
        return levels.release(orderId, units, true, actorType, actor, clock.instant());
    }

    /** A report that a member of staff uploaded (the console's CSV upload). */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public StockApplied upload(StockReport report, String actor, String source) {
        return apply(report, new Reporter(AuditEntry.ACTOR_USER, actor, "stock.levels.uploaded", source));
    }

    StockApplied apply(StockReport report, Reporter reporter) {
        var now = clock.instant();
        check(report, now);
        var applied = levels.apply(report, reporter, now);
        audit.record(new AuditEntry(
                reporter.actorType(),
                reporter.actor(),
                reporter.action(),
                "done",
                "stock",
                null,
                reporter.source(),
                null,
                null,
                Map.of(
                        "asOf", report.asOf().toString(),
                        "levels", String.valueOf(report.levels().size()),
                        "applied", String.valueOf(applied.applied()),
                        "ignored", String.valueOf(applied.ignored().size()))));
        return applied;
    }

    /** @throws ProblemException 400 naming the first level the sender must fix */
    static void check(StockReport report, Instant now) {
        if (report.asOf() == null) {
            throw bad("'asOf' is required: when the stock was counted (an ISO-8601 instant).");
        }
        if (report.asOf().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw bad("'asOf' (" + report.asOf() + ") lies in the future; it says when the stock was counted.");
        }
        if (report.levels() == null) {
            throw bad("'levels' is required: an array of {sku, warehouse, onHand}.");
        }
        if (report.levels().size() > MAX_LEVELS) {
            throw bad("A report carries at most " + MAX_LEVELS + " levels; send the rest in another report.");
        }
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < report.levels().size(); i++) {
            var level = report.levels().get(i);
            var at = "levels[" + i + "]";
            key(level.sku(), at + ".sku", false);
            key(level.warehouse(), at + ".warehouse", true);
            if (level.onHand() < 0) {
                throw bad("'" + at + ".onHand' must be 0 or more.");
            }
            var earlier = seen.put(level.sku() + "\n" + level.warehouse(), i);
            if (earlier != null) {
                throw bad("'" + at + "' repeats the SKU and warehouse of 'levels[" + earlier + "]'.");
            }
        }
    }

    static void key(String value, String path, boolean optional) {
        if (value == null) {
            if (optional) {
                return;
            }
            throw bad("'" + path + "' is required.");
        }
        if (value.isBlank()) {
            throw bad(
                    "'" + path + "' must not be empty" + (optional ? " (leave it out for the SKU as a whole)." : "."));
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw bad("'" + path + "' has more than " + MAX_KEY_LENGTH + " characters.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw bad("'" + path + "' contains control characters.");
        }
    }

    static ProblemException bad(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    /** Levels by SKU (then warehouse); {@code sku} null for all. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<StockLevelView> levels(String sku, Page.Request page) {
        return page(StockLevel.class, "s.sku, s.warehouse", sku, page, Stock::view);
    }

    /** The journal, newest first; {@code sku} null for all SKUs. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<StockChange> journal(String sku, Page.Request page) {
        return page(StockJournalEntry.class, "s.id DESC", sku, page, Stock::change);
    }

    /** One page of an entity's rows, all or of one SKU, with the total. */
    <E, V> Page<V> page(Class<E> type, String order, String sku, Page.Request page, Function<E, V> view) {
        var from = " FROM " + type.getSimpleName() + " s" + (sku == null ? "" : " WHERE s.sku = :sku");
        var rows = em.createQuery("SELECT s" + from + " ORDER BY " + order, type);
        var count = em.createQuery("SELECT COUNT(s)" + from, Long.class);
        if (sku != null) {
            rows.setParameter("sku", sku);
            count.setParameter("sku", sku);
        }
        var items = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(view)
                .toList();
        return new Page<>(items, count.getSingleResult());
    }

    static StockLevelView view(StockLevel level) {
        return new StockLevelView(
                level.sku(), level.warehouse(), level.onHand(), level.reserved(), level.available(), level.asOf());
    }

    static StockChange change(StockJournalEntry entry) {
        return new StockChange(
                entry.id(),
                entry.occurredAt(),
                entry.sku(),
                entry.warehouse(),
                entry.cause(),
                entry.actorType(),
                entry.actor(),
                entry.reference(),
                entry.onHandBefore(),
                entry.onHandAfter(),
                entry.reservedBefore(),
                entry.reservedAfter());
    }
}
