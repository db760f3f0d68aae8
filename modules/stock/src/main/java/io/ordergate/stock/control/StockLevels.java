package io.ordergate.stock.control;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.SqlRow;
import io.ordergate.stock.boundary.Demand;
import io.ordergate.stock.boundary.Reporter;
import io.ordergate.stock.boundary.StockApplied;
import io.ordergate.stock.boundary.StockChanged;
import io.ordergate.stock.boundary.StockPolicy;
import io.ordergate.stock.boundary.StockReport;
import io.ordergate.stock.entity.StockLevel;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Changes stock levels in a few statements whatever the number of rows: lock the levels concerned,
 * change them in one statement, journal each change in one more. The rows travel as one JSON
 * parameter ({@code jsonb_to_recordset}), so a report of 10,000 levels is three round trips and an
 * order's reservation four.
 *
 * <p>Rows are locked in (sku, warehouse) order, the order every writer of {@code stock_level} uses,
 * so that two reports, a report and an order, or two orders never deadlock; orders of different
 * SKUs lock different rows and never wait for each other. A level that another transaction inserts
 * between a report's lock and its upsert is still decided by the upsert's own {@code WHERE}: a
 * later count wins, an older one is ignored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StockLevels {

    static final String LOCK = """
            SELECT s.sku, s.warehouse, s.on_hand, s.reserved, s.as_of
            FROM stock_level s
            JOIN jsonb_to_recordset(CAST(?1 AS jsonb)) AS i(sku text, warehouse text)
              ON s.sku = i.sku AND s.warehouse = i.warehouse
            ORDER BY s.sku, s.warehouse
            FOR UPDATE OF s""";

    static final String UPSERT = """
            INSERT INTO stock_level AS s (sku, warehouse, on_hand, reserved, as_of, updated_at)
            SELECT i.sku, i.warehouse, i.on_hand, 0, CAST(?2 AS timestamptz), CAST(?3 AS timestamptz)
            FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS i(sku text, warehouse text, on_hand integer)
            ORDER BY i.sku, i.warehouse
            ON CONFLICT (sku, warehouse) DO UPDATE
              SET on_hand = EXCLUDED.on_hand, as_of = EXCLUDED.as_of, updated_at = EXCLUDED.updated_at
              WHERE s.as_of <= EXCLUDED.as_of
            RETURNING s.sku, s.warehouse, s.on_hand, s.reserved""";

    static final String RESERVE = """
            UPDATE stock_level s SET reserved = s.reserved + r.quantity, updated_at = CAST(?2 AS timestamptz)
            FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS r(sku text, warehouse text, quantity integer)
            WHERE s.sku = r.sku AND s.warehouse = r.warehouse""";

    static final String HOLD = """
            INSERT INTO stock_reservation (order_id, item_id, sku, warehouse, quantity, created_at)
            SELECT ?2, r.item_id, r.sku, r.warehouse, r.quantity, CAST(?3 AS timestamptz)
            FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS r(item_id text, sku text, warehouse text, quantity integer)
            ON CONFLICT (order_id, item_id) DO UPDATE SET quantity = stock_reservation.quantity + EXCLUDED.quantity""";

    static final String HELD = """
            SELECT item_id, sku, warehouse, quantity FROM stock_reservation
            WHERE order_id = ?1 AND quantity > 0 ORDER BY sku, warehouse""";

    /** ?3: whether the units leave the shelf too (a shipment consumes them) or only the reservation ends. */
    static final String RELEASE = """
            UPDATE stock_level s SET reserved = greatest(0, s.reserved - r.quantity),
                   on_hand = CASE WHEN CAST(?3 AS boolean) THEN greatest(0, s.on_hand - r.quantity) ELSE s.on_hand END,
                   updated_at = CAST(?2 AS timestamptz)
            FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS r(sku text, warehouse text, quantity integer)
            WHERE s.sku = r.sku AND s.warehouse = r.warehouse""";

    static final String UNHOLD = """
            UPDATE stock_reservation h SET quantity = h.quantity - r.quantity
            FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS r(item_id text, quantity integer)
            WHERE h.order_id = ?2 AND h.item_id = r.item_id""";

    static final String JOURNAL = """
            INSERT INTO stock_journal (occurred_at, sku, warehouse, cause, actor_type, actor, reference,
                                       on_hand_before, on_hand_after, reserved_before, reserved_after)
            SELECT CAST(?2 AS timestamptz), j.sku, j.warehouse, ?3, ?4, ?5, CAST(?6 AS text),
                   j.on_hand_before, j.on_hand_after, j.reserved_before, j.reserved_after
            FROM jsonb_to_recordset(CAST(?1 AS jsonb))
              AS j(sku text, warehouse text, on_hand_before integer, on_hand_after integer,
                   reserved_before integer, reserved_after integer)""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<StockChanged> changed;

    record Key(String sku, String warehouse) {}

    record Stored(int onHand, int reserved, Instant asOf) {}

    /** @param levels already checked: no two for the same SKU and warehouse */
    public StockApplied apply(StockReport report, Reporter reporter, Instant now) {
        var stored = lock(report.levels().stream()
                .map(level -> new Key(level.sku(), stored(level.warehouse())))
                .toList());

        var ignored = new ArrayList<StockApplied.Ignored>();
        var candidates = Jsons.createArrayBuilder();
        var asked = new HashSet<Key>();
        for (var level : report.levels()) {
            var key = new Key(level.sku(), stored(level.warehouse()));
            var before = stored.get(key);
            if (before != null && before.asOf().isAfter(report.asOf())) {
                ignored.add(older(level, before.asOf()));
            } else {
                asked.add(key);
                candidates.add(Jsons.createObjectBuilder()
                        .add("sku", key.sku())
                        .add("warehouse", key.warehouse())
                        .add("on_hand", level.onHand()));
            }
        }
        var changes = Jsons.createArrayBuilder();
        var applied = new HashSet<Key>();
        if (!asked.isEmpty()) {
            var rows = SqlRow.list(em.createNativeQuery(UPSERT)
                    .setParameter(1, candidates.build().toString())
                    .setParameter(2, Timestamp.from(report.asOf()))
                    .setParameter(3, Timestamp.from(now)));
            for (var row : rows) {
                var key = new Key(row.string("sku"), row.string("warehouse"));
                applied.add(key);
                var before = stored.get(key);
                int onHand = row.integer("on_hand");
                if (before == null || before.onHand() != onHand) {
                    change(changes, key, before, onHand, row.integer("reserved"));
                }
            }
        }
        journal(changes, "level", null, reporter.actorType(), reporter.actor(), now);
        // asked but not upserted: a later count committed between the lock and the upsert
        for (var level : report.levels()) {
            var key = new Key(level.sku(), stored(level.warehouse()));
            if (asked.contains(key) && !applied.contains(key)) {
                ignored.add(older(level, null));
            }
        }
        return new StockApplied(applied.size(), List.copyOf(ignored));
    }

    /**
     * Reserves what each item can have, in item order: {@code min(quantity, available)} of its
     * warehouse's level when the stock has one, else of its SKU's level as a whole; an item whose
     * SKU has no level at all gets what the policy says and reserves nothing.
     *
     * @param policy asked only when an item's SKU has no level
     * @return the deliverable quantity of each item, in the order of {@code demands}
     */
    public List<Integer> reserve(
            String orderId,
            List<Demand> demands,
            Supplier<StockPolicy> policy,
            String actorType,
            String actor,
            Instant now) {
        var keys = new ArrayList<Key>();
        for (var demand : demands) {
            if (demand.warehouse() != null) {
                keys.add(new Key(demand.sku(), demand.warehouse()));
            }
            keys.add(new Key(demand.sku(), StockLevel.ANY_WAREHOUSE));
        }
        var levels = lock(keys);
        var before = Map.copyOf(levels);
        var deliverable = new ArrayList<Integer>(demands.size());
        var holds = Jsons.createArrayBuilder();
        var taken = new LinkedHashMap<Key, Integer>();
        StockPolicy decided = null;
        for (var demand : demands) {
            var key = demand.warehouse() == null ? null : new Key(demand.sku(), demand.warehouse());
            if (key == null || !levels.containsKey(key)) {
                key = new Key(demand.sku(), StockLevel.ANY_WAREHOUSE);
            }
            var level = levels.get(key);
            if (level == null) {
                if (decided == null) {
                    decided = policy.get();
                }
                deliverable.add(decided == StockPolicy.STRICT ? 0 : demand.quantity());
                continue;
            }
            int take = Math.min(demand.quantity(), Math.max(0, level.onHand() - level.reserved()));
            deliverable.add(take);
            if (take > 0) {
                levels.put(key, new Stored(level.onHand(), level.reserved() + take, level.asOf()));
                taken.merge(key, take, Integer::sum);
                holds.add(Jsons.createObjectBuilder()
                        .add("item_id", demand.itemId())
                        .add("sku", key.sku())
                        .add("warehouse", key.warehouse())
                        .add("quantity", take));
            }
        }
        if (!taken.isEmpty()) {
            var reserved = Jsons.createArrayBuilder();
            var changes = Jsons.createArrayBuilder();
            taken.forEach((key, quantity) -> {
                reserved.add(Jsons.createObjectBuilder()
                        .add("sku", key.sku())
                        .add("warehouse", key.warehouse())
                        .add("quantity", quantity));
                var was = before.get(key);
                change(changes, key, was, was.onHand(), was.reserved() + quantity);
            });
            em.createNativeQuery(RESERVE)
                    .setParameter(1, reserved.build().toString())
                    .setParameter(2, Timestamp.from(now))
                    .executeUpdate();
            em.createNativeQuery(HOLD)
                    .setParameter(1, holds.build().toString())
                    .setParameter(2, orderId)
                    .setParameter(3, Timestamp.from(now))
                    .executeUpdate();
            journal(changes, "reserved", orderId, actorType, actor, now);
        }
        return List.copyOf(deliverable);
    }

    /**
     * Ends what an order's items hold: per item at most {@code units}, and never more than the item
     * still holds (an item that reserved nothing, or less, ends that much). Released units go back
     * to what is available; consumed units (a shipment) leave the shelf: {@code onHand} drops too.
     *
     * @param units per item id
     * @param consumed whether the units were shipped (consumed) or will not be (released)
     * @return per item id, the units whose reservation ended
     */
    public Map<String, Integer> release(
            String orderId, Map<String, Integer> units, boolean consumed, String actorType, String actor, Instant now) {
        record Held(String itemId, Key key, int quantity) {}
        var held = SqlRow.list(em.createNativeQuery(HELD).setParameter(1, orderId)).stream()
                .map(row -> new Held(
                        row.string("item_id"),
                        new Key(row.string("sku"), row.string("warehouse")),
                        row.integer("quantity")))
                .filter(h -> units.getOrDefault(h.itemId(), 0) > 0)
                .toList();
        var released = new LinkedHashMap<String, Integer>();
        if (held.isEmpty()) {
            return released;
        }
        var before = lock(held.stream().map(Held::key).toList());
        var perLevel = new LinkedHashMap<Key, Integer>();
        var items = Jsons.createArrayBuilder();
        for (var h : held) {
            int quantity = Math.min(h.quantity(), units.get(h.itemId()));
            released.put(h.itemId(), quantity);
            perLevel.merge(h.key(), quantity, Integer::sum);
            items.add(Jsons.createObjectBuilder().add("item_id", h.itemId()).add("quantity", quantity));
        }
        var levels = Jsons.createArrayBuilder();
        var changes = Jsons.createArrayBuilder();
        perLevel.forEach((key, quantity) -> {
            levels.add(Jsons.createObjectBuilder()
                    .add("sku", key.sku())
                    .add("warehouse", key.warehouse())
                    .add("quantity", quantity));
            var was = before.get(key);
            if (was != null) {
                int onHand = consumed ? Math.max(0, was.onHand() - quantity) : was.onHand();
                change(changes, key, was, onHand, Math.max(0, was.reserved() - quantity));
            }
        });
        em.createNativeQuery(RELEASE)
                .setParameter(1, levels.build().toString())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, consumed)
                .executeUpdate();
        em.createNativeQuery(UNHOLD)
                .setParameter(1, items.build().toString())
                .setParameter(2, orderId)
                .executeUpdate();
        journal(changes, consumed ? "consumed" : "released", orderId, actorType, actor, now);
        return released;
    }

    /** Locks the levels that exist among {@code keys}, in (sku, warehouse) order, and reads them. */
    Map<Key, Stored> lock(List<Key> keys) {
        var levels = new HashMap<Key, Stored>();
        if (keys.isEmpty()) {
            return levels;
        }
        var json = Jsons.createArrayBuilder();
        keys.stream()
                .distinct()
                .forEach(key -> json.add(
                        Jsons.createObjectBuilder().add("sku", key.sku()).add("warehouse", key.warehouse())));
        SqlRow.list(em.createNativeQuery(LOCK).setParameter(1, json.build().toString()))
                .forEach(row -> levels.put(
                        new Key(row.string("sku"), row.string("warehouse")),
                        new Stored(row.integer("on_hand"), row.integer("reserved"), row.instant("as_of"))));
        return levels;
    }

    static void change(JsonArrayBuilder changes, Key key, Stored before, int onHandAfter, int reservedAfter) {
        var change = Jsons.createObjectBuilder()
                .add("sku", key.sku())
                .add("warehouse", key.warehouse())
                .add("on_hand_after", onHandAfter)
                .add("reserved_after", reservedAfter);
        if (before != null) {
            change.add("on_hand_before", before.onHand()).add("reserved_before", before.reserved());
        }
        changes.add(change);
    }

    void journal(
            JsonArrayBuilder changes, String cause, String reference, String actorType, String actor, Instant now) {
        var rows = changes.build();
        if (rows.isEmpty()) {
            return;
        }
        em.createNativeQuery(JOURNAL)
                .setParameter(1, rows.toString())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, cause)
                .setParameter(4, actorType)
                .setParameter(5, actor)
                .setParameter(6, reference)
                .executeUpdate();
        var skus = new TreeSet<String>();
        rows.forEach(row -> skus.add(row.asJsonObject().getString("sku")));
        changed.fire(new StockChanged(Collections.unmodifiableSet(skus), cause));
    }

    static StockApplied.Ignored older(StockReport.Level level, Instant applied) {
        return new StockApplied.Ignored(
                level.sku(),
                level.warehouse(),
                applied == null
                        ? "A later count was applied meanwhile."
                        : "Older than the count applied already (as of " + applied + ").");
    }

    static String stored(String warehouse) {
        return warehouse == null ? StockLevel.ANY_WAREHOUSE : warehouse;
    }
}
