package io.ordergate.stock.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.stock.control.StockLevels;
import io.ordergate.stock.entity.ItemReservation;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
            var problem = problem(level, field -> "'" + at + "." + field + "'");
            if (problem != null) {
                throw bad(problem);
            }
            var earlier = seen.put(key(level), i);
            if (earlier != null) {
                throw bad("'" + at + "' repeats the SKU and warehouse of 'levels[" + earlier + "]'.");
            }
        }
    }

    /**
     * What is wrong with one level, or null: the rules every report is held to, whether it came
     * through the API or a CSV upload ({@link StockCsv}), so that both say the same.
     *
     * @param field how the message names a field ({@code sku}, {@code warehouse}, {@code onHand})
     */
    public static String problem(StockReport.Level level, Function<String, String> field) {
        var problem = keyProblem(level.sku(), field.apply("sku"), false);
        if (problem == null) {
            problem = keyProblem(level.warehouse(), field.apply("warehouse"), true);
        }
        if (problem == null && level.onHand() < 0) {
            problem = field.apply("onHand") + " must be 0 or more.";
        }
        return problem;
    }

    /** What makes two levels the same level: their SKU and warehouse. */
    public static String key(StockReport.Level level) {
        return level.sku() + "\n" + level.warehouse();
    }

    static String keyProblem(String value, String name, boolean optional) {
        if (value == null) {
            return optional ? null : name + " is required.";
        }
        if (value.isBlank()) {
            return name + " must not be empty" + (optional ? " (leave it out for the SKU as a whole)." : ".");
        }
        if (value.length() > MAX_KEY_LENGTH) {
            return name + " has more than " + MAX_KEY_LENGTH + " characters.";
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return name + " contains control characters.";
        }
        return null;
    }

    static ProblemException bad(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    /**
     * Levels by SKU (then warehouse), filtered in the database. Not audited, like the journal and
     * the reservations: they hold SKUs, counts and order ids, no customer's data, and the ERP may
     * poll them often; what changes them is journaled and audited.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<StockLevelView> levels(StockLevelFilter filter, Page.Request page) {
        var where = new Where();
        if (filter.sku() != null) {
            checkFilter(filter.sku(), "sku");
            if (filter.skuPrefix()) {
                where.add("s.sku LIKE :sku ESCAPE '!'", "sku", like(filter.sku()));
            } else {
                where.add("s.sku = :sku", "sku", filter.sku());
            }
        }
        if (filter.availableAtMost() != null) {
            if (filter.availableAtMost() < 0) {
                throw bad("'available' must be 0 or more: the levels with at most that many units available.");
            }
            // available is max(0, onHand - reserved), which is <= n (n >= 0) exactly when onHand - reserved is
            where.add("s.onHand - s.reserved <= :available", "available", filter.availableAtMost());
        }
        return page(StockLevel.class, "s.sku, s.warehouse", where, page, Stock::view);
    }

    /** The journal, newest first, of one SKU and/or one reference (an order or a report); null for any. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<StockChange> journal(String sku, String reference, Page.Request page) {
        var where = new Where();
        if (sku != null) {
            checkFilter(sku, "sku");
            where.add("s.sku = :sku", "sku", sku);
        }
        if (reference != null) {
            checkFilter(reference, "reference");
            where.add("s.reference = :reference", "reference", reference);
        }
        return page(StockJournalEntry.class, "s.id DESC", where, page, Stock::change);
    }

    /**
     * What order items hold now (reservations not yet released or consumed), by SKU and warehouse,
     * of one SKU and/or one order; null for any.
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<StockReservation> reservations(String sku, String orderId, Page.Request page) {
        var where = new Where();
        where.add("s.quantity > 0", null, null);
        if (sku != null) {
            checkFilter(sku, "sku");
            where.add("s.sku = :sku", "sku", sku);
        }
        if (orderId != null) {
            checkFilter(orderId, "orderId");
            where.add("s.orderId = :orderId", "orderId", orderId);
        }
        return page(ItemReservation.class, "s.sku, s.warehouse, s.orderId, s.itemId", where, page, Stock::reservation);
    }

    static void checkFilter(String value, String name) {
        if (value.length() > 256) {
            throw bad("'" + name + "' has more than 256 characters.");
        }
    }

    /** A LIKE pattern for values that start with {@code prefix}, its wildcards escaped with '!'. */
    static String like(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The conditions of a listing and their parameters. */
    static final class Where {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> parameters = new LinkedHashMap<>();

        void add(String condition, String parameter, Object value) {
            conditions.add(condition);
            if (parameter != null) {
                parameters.put(parameter, value);
            }
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }

    /** One page of an entity's rows that match, with the total. */
    <E, V> Page<V> page(Class<E> type, String order, Where where, Page.Request page, Function<E, V> view) {
        var from = " FROM " + type.getSimpleName() + " s" + where;
        var rows = em.createQuery("SELECT s" + from + " ORDER BY " + order, type);
        var count = em.createQuery("SELECT COUNT(s)" + from, Long.class);
        where.parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        var items = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(view)
                .toList();
        return new Page<>(items, count.getSingleResult());
    }

    static StockLevelView view(StockLevel level) {
        return new StockLevelView(
                level.sku(), level.warehouse(), level.onHand(), level.reserved(), level.available(), level.asOf());
    }

    static StockReservation reservation(ItemReservation held) {
        return new StockReservation(
                held.orderId(), held.itemId(), held.sku(), held.warehouse(), held.quantity(), held.createdAt());
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
