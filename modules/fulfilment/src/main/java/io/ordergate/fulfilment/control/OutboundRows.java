package io.ordergate.fulfilment.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.SqlRow;
import io.ordergate.scayle.boundary.FulfilmentCall;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code ful_outbound} as the job that passes them on sees them: what a row must tell
 * its platform (built from the stored report), and its status once the job's outcome is decided.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OutboundRows {

    /** How a row is named to the platform's side: {@code ful_outbound:{id}}. */
    static final String CAUSE_PREFIX = "ful_outbound:";

    static final String ROW = """
            SELECT o.outbound_id, o.order_id, o.platform, o.kind, o.status, o.report_id, r.body,
                   f.merchant_key, f.reference
            FROM ful_outbound o
            JOIN ful_report r ON r.report_id = o.report_id
            JOIN ful_order f ON f.order_id = o.order_id
            WHERE o.outbound_id = ?1""";

    static final String ITEMS = """
            SELECT item_id, return_key FROM ful_report_item WHERE report_id = ?1 ORDER BY item_id""";

    /** The return key each item was given when it shipped (its first shipment that gave one). */
    static final String RETURN_KEYS = """
            SELECT DISTINCT ON (i.item_id) i.item_id, i.return_key
            FROM ful_report_item i JOIN ful_report r ON r.report_id = i.report_id
            WHERE r.order_id = ?1 AND r.kind = 'shipment' AND i.return_key IS NOT NULL
            ORDER BY i.item_id, r.report_id""";

    static final String SETTLE = """
            UPDATE ful_outbound SET status = ?2, settled_at = now()
            WHERE outbound_id = ?1 AND status IN ('pending', 'dead')""";

    static final String PENDING = """
            SELECT outbound_id FROM ful_outbound WHERE platform = ?1 AND status = 'pending' ORDER BY outbound_id""";

    /** The order's earliest row for the same platform, reported before this one, that is still pending. */
    static final String EARLIER_PENDING = """
            SELECT e.outbound_id FROM ful_outbound e JOIN ful_outbound o ON o.outbound_id = ?1
            WHERE e.order_id = o.order_id AND e.platform = o.platform AND e.outbound_id < o.outbound_id
              AND e.status = 'pending'
            ORDER BY e.outbound_id LIMIT 1""";

    static final String LOCKED =
            "SELECT order_id, platform, kind, status FROM ful_outbound WHERE outbound_id = ?1 FOR UPDATE";

    static final String PENDING_AGAIN = """
            UPDATE ful_outbound SET status = 'pending', settled_at = NULL WHERE outbound_id = ?1 AND status = 'dead'""";

    static final String OF_ORDER = """
            SELECT o.outbound_id, o.platform, o.kind, o.status, o.created_at, f.merchant_key, f.reference
            FROM ful_outbound o JOIN ful_order f ON f.order_id = o.order_id
            WHERE o.order_id = ?1 ORDER BY o.outbound_id""";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /**
     * A row still to pass on: {@code pending}, or {@code dead} and retried by staff; empty once it
     * is {@code sent}.
     */
    public Optional<Row> unsent(long outboundId) {
        return SqlRow.first(em.createNativeQuery(ROW).setParameter(1, outboundId))
                .filter(row -> !"sent".equals(row.string("status")))
                .map(row -> new Row(
                        outboundId,
                        row.string("order_id"),
                        row.string("platform"),
                        row.string("kind"),
                        row.longValue("report_id"),
                        row.string("body"),
                        row.string("merchant_key"),
                        row.string("reference")));
    }

    public record Row(
            long outboundId,
            String orderId,
            String platform,
            String kind,
            long reportId,
            String body,
            String merchantKey,
            String reference) {}

    /**
     * A row of the same order and platform, reported earlier, that has not been passed on yet: a
     * platform hears an order's reports in the order they came in (a return after the shipment that
     * gave its return key, a cancellation after the shipment of the other units).
     */
    public Optional<Long> earlierPending(long outboundId) {
        return SqlRow.first(em.createNativeQuery(EARLIER_PENDING).setParameter(1, outboundId))
                .map(row -> row.longValue("outbound_id"));
    }

    /** The row ({@code order_id, platform, kind, status}), locked for the caller's transaction. */
    public Optional<SqlRow> locked(long outboundId) {
        return SqlRow.first(em.createNativeQuery(LOCKED).setParameter(1, outboundId));
    }

    /** A dead row is owed again (staff retry it). */
    public void pendingAgain(long outboundId) {
        em.createNativeQuery(PENDING_AGAIN).setParameter(1, outboundId).executeUpdate();
    }

    /** An order's rows, oldest first, with the order's merchant and reference. */
    public List<SqlRow> ofOrder(String orderId) {
        return SqlRow.list(em.createNativeQuery(OF_ORDER).setParameter(1, orderId));
    }

    /** What SCAYLE must hear of the row's report. */
    public FulfilmentCall scayleCall(Row row) {
        JsonObject body;
        try (var reader = Jsons.createReader(new StringReader(row.body()))) {
            body = reader.readObject();
        }
        var returnKeys = new HashMap<String, String>();
        if ("return".equals(row.kind())) {
            SqlRow.list(em.createNativeQuery(RETURN_KEYS).setParameter(1, row.orderId()))
                    .forEach(r -> returnKeys.put(r.string("item_id"), r.string("return_key")));
        }
        List<FulfilmentCall.Item> items =
                SqlRow.list(em.createNativeQuery(ITEMS).setParameter(1, row.reportId())).stream()
                        .map(r -> new FulfilmentCall.Item(
                                r.string("item_id"),
                                "return".equals(row.kind())
                                        ? returnKeys.get(r.string("item_id"))
                                        : r.string("return_key")))
                        .toList();
        var at = switch (row.kind()) {
            case "shipment" -> Instant.parse(text(body, "shippedAt"));
            case "return" -> Instant.parse(text(body, "receivedAt"));
            default -> null;
        };
        return new FulfilmentCall(
                ScayleOutbound.dedupeKey(row.outboundId()),
                row.kind(),
                row.merchantKey(),
                row.reference(),
                text(body, "carrier"),
                "shipment".equals(row.kind()) ? text(body, "trackingNumber") : null,
                text(body, "returnIdentCode"),
                at,
                "return".equals(row.kind()) ? text(body, "reason") : null,
                items);
    }

    /** The ids of a platform's rows still to be passed on. */
    public List<Long> pendingIds(String platform) {
        return SqlRow.list(em.createNativeQuery(PENDING).setParameter(1, platform)).stream()
                .map(r -> r.longValue("outbound_id"))
                .toList();
    }

    /**
     * Keeps the row in step with its job, in the transaction that records the job's outcome:
     * {@code sent} when it succeeded, {@code dead} when it is dead (again, after a retry by staff),
     * audited either way.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void settled(long outboundId, boolean sent, int attempts, Integer status, String error) {
        var row = SqlRow.first(em.createNativeQuery(ROW).setParameter(1, outboundId));
        if (row.isEmpty()) {
            return;
        }
        int changed = em.createNativeQuery(SETTLE)
                .setParameter(1, outboundId)
                .setParameter(2, sent ? "sent" : "dead")
                .executeUpdate();
        if (changed == 0) {
            return;
        }
        var detail = new HashMap<String, String>();
        detail.put("platform", row.get().string("platform"));
        detail.put("kind", row.get().string("kind"));
        detail.put("attempts", String.valueOf(attempts));
        if (status != null) {
            detail.put("status", String.valueOf(status));
        }
        if (error != null) {
            detail.put("error", error.length() > 300 ? error.substring(0, 300) : error);
        }
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                "fulfilment",
                sent ? "fulfilment.outbound.sent" : "fulfilment.outbound.dead",
                sent ? "done" : "dead",
                "fulfilment-order",
                row.get().string("order_id"),
                null,
                null,
                ScayleOutbound.dedupeKey(outboundId),
                detail));
    }

    static String text(JsonObject body, String name) {
        return body.get(name) instanceof JsonString string ? string.getString() : null;
    }
}
