package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.fulfilment.control.Feed;
import io.ordergate.fulfilment.control.OrderDocuments;
import io.ordergate.fulfilment.control.OutboundRows;
import io.ordergate.fulfilment.control.ReportStore;
import io.ordergate.fulfilment.entity.FulfilmentItem;
import io.ordergate.fulfilment.entity.FulfilmentOrder;
import io.ordergate.idempotency.boundary.Claim;
import io.ordergate.idempotency.boundary.Idempotency;
import io.ordergate.idempotency.boundary.StoredResponse;
import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.platform.boundary.StrictJson;
import io.ordergate.scalepoint.boundary.ScalepointPublications;
import io.ordergate.scalepoint.boundary.ScalepointPublications.PublicationView;
import io.ordergate.scayle.boundary.AdminApiCall;
import io.ordergate.scayle.boundary.ScayleFulfilmentApi;
import io.ordergate.stock.boundary.Stock;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shipments, cancellations and returns reported by the warehouse (fulfilment spec §3), each applied
 * once in one transaction: the report, its effect on the order's items and the stock, its feed
 * change and the outbound row for the platform.
 *
 * <p>Order of work, and why: the order's row is locked first, so that reports of one order (and a
 * SCAYLE cancellation of it) apply one after the other and a quantity check cannot race; then the
 * caller's key is claimed for idempotency (a replay gets the stored answer, another body with the
 * same key 409); only then are the quantities checked (422 naming the item: the transaction rolls
 * back, the claim with it, so a corrected report under the same key is taken); the answer, which
 * carries the order after the change, settles the claim.
 */
@Stateless
@DenyAll
public class Reports {

    public static final int MAX_KEY_LENGTH = 200;

    static final StoredResponse PROVISIONAL = new StoredResponse(201, "application/json", new byte[] {'{', '}'});

    @PersistenceContext
    EntityManager em;

    @Inject
    Idempotency idempotency;

    @Inject
    Stock stock;

    @Inject
    Feed feed;

    @Inject
    ReportStore store;

    @Inject
    OutboundRows outboundRows;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ScayleFulfilmentApi scayle;

    @Inject
    ScalepointPublications publications;

    /** @return the answer: 201 with the report as stored and the order after it, or the stored answer of a replay */
    @PermitAll
    public StoredResponse report(ReportKind kind, byte[] raw, FulfilmentCaller caller) {
        var body = StrictJson.object(raw);
        var key = key(body, kind.keyField());
        var orderId = StrictJson.requiredString(body, "orderId", "orderId");
        var units = units(body);
        checkFacts(kind, body);

        var order = em.find(FulfilmentOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new ProblemException(404, "Not Found", "There is no order '" + orderId + "'.");
        }
        var scope = "fulfilment." + kind.wire();
        var claim = idempotency.claim(scope, key, Hashes.canonicalJsonSha256(body), PROVISIONAL);
        if (claim.outcome() == Claim.Outcome.REPLAY) {
            return claim.response();
        }
        if (claim.outcome() == Claim.Outcome.CONFLICT) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "The " + kind.keyField() + " '" + key + "' was reported before with another body; "
                            + "a new report needs a new key.");
        }

        var items = em.createNamedQuery(FulfilmentItem.OF_ORDER, FulfilmentItem.class)
                .setParameter("orderId", orderId)
                .getResultList();
        var byId = new HashMap<String, FulfilmentItem>();
        items.forEach(item -> byId.put(item.itemId(), item));
        int index = 0;
        for (var line : units.entrySet()) {
            var item = byId.get(line.getKey());
            var at = "items[" + index++ + "]";
            if (item == null) {
                throw unprocessable(at + ": order '" + orderId + "' has no item '" + line.getKey() + "'.");
            }
            int possible = kind == ReportKind.RETURN ? item.shipped() - item.returned() : item.left();
            if (line.getValue() > possible) {
                throw unprocessable(at + ": item '" + line.getKey() + "' has " + possible
                        + (kind == ReportKind.RETURN ? " shipped units not yet returned" : " units left to ship")
                        + ", not " + line.getValue() + ".");
            }
        }

        var now = clock.instant();
        var returnKeys = new LinkedHashMap<String, String>();
        for (var line : units.entrySet()) {
            var item = byId.get(line.getKey());
            switch (kind) {
                case SHIPMENT -> {
                    item.ship(line.getValue());
                    if ("scayle".equals(order.source())) {
                        // SCAYLE wants a return key per shipped item (scayle.md section 7), ours to keep for returns
                        returnKeys.put(line.getKey(), "rk-" + UUID.randomUUID());
                    }
                }
                case CANCELLATION -> item.cancel(line.getValue());
                case RETURN -> item.takeBack(line.getValue());
            }
        }
        switch (kind) {
            case SHIPMENT -> stock.consume(orderId, units, AuditEntry.ACTOR_SYSTEM, caller.clientId());
            case CANCELLATION -> stock.release(orderId, units, AuditEntry.ACTOR_SYSTEM, caller.clientId());
            case RETURN -> {
                // a return changes no level: what comes back is counted again by the ERP's next report
            }
        }
        long reportId = store.store(
                kind,
                key,
                orderId,
                order.source(),
                caller.clientId(),
                new String(raw, StandardCharsets.UTF_8),
                units,
                returnKeys,
                now);
        order.changed(order.shipTo(), order.customer(), items, now);
        feed.append(order, items, order.status() == OrderState.CANCELLED ? "order.cancelled" : "order.updated");

        var answer = answer(body, returnKeys, OrderDocuments.document(order, items));
        claim = idempotency.settle(scope, key, claim, new StoredResponse(201, "application/json", answer));
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_SYSTEM,
                caller.clientId(),
                kind.action(),
                "done",
                "fulfilment-order",
                orderId,
                caller.source(),
                null,
                "ful_report:" + reportId,
                Map.of(kind.keyField(), key, "items", String.valueOf(units.size()))));
        return claim.response();
    }

    /** The report as received, its items with the return keys given, and the order after it. */
    static byte[] answer(JsonObject body, Map<String, String> returnKeys, String document) {
        var answer = Jsons.createObjectBuilder(body);
        if (!returnKeys.isEmpty()) {
            var items = Jsons.createArrayBuilder();
            for (var value : body.getJsonArray("items")) {
                var item = Jsons.createObjectBuilder((JsonObject) value);
                var returnKey = returnKeys.get(((JsonObject) value).getString("itemId"));
                if (returnKey != null) {
                    item.add("returnKey", returnKey);
                }
                items.add(item);
            }
            answer.add("items", items);
        }
        try (var reader = Jsons.createReader(new StringReader(document))) {
            answer.add("order", reader.readObject());
        }
        return answer.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    static String key(JsonObject body, String field) {
        var key = StrictJson.requiredString(body, field, field);
        if (key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            throw StrictJson.bad(
                    "'" + field + "' must have at most " + MAX_KEY_LENGTH + " characters and no control characters.");
        }
        return key;
    }

    /** The items as units per item id, in the order sent. */
    static Map<String, Integer> units(JsonObject body) {
        if (!(body.get("items") instanceof JsonArray items) || items.isEmpty()) {
            throw StrictJson.bad("'items' is required: a non-empty array of {itemId, quantity}.");
        }
        var units = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < items.size(); i++) {
            var at = "items[" + i + "]";
            if (!(items.get(i) instanceof JsonObject item)) {
                throw StrictJson.bad("'" + at + "' must be an object {itemId, quantity}.");
            }
            var itemId = StrictJson.requiredString(item, "itemId", at + ".itemId");
            if (!(item.get("quantity") instanceof JsonNumber number)
                    || !number.isIntegral()
                    || number.bigIntegerValue().signum() <= 0
                    || number.bigIntegerValue().bitLength() > 31) {
                throw StrictJson.bad("'" + at + ".quantity' must be a whole number of units, 1 or more.");
            }
            if (units.put(itemId, number.intValue()) != null) {
                throw StrictJson.bad("'" + at + "' repeats item '" + itemId + "'.");
            }
        }
        return units;
    }

    /** What each kind must carry besides its key, order and items. */
    static void checkFacts(ReportKind kind, JsonObject body) {
        switch (kind) {
            case SHIPMENT -> {
                StrictJson.requiredString(body, "carrier", "carrier");
                StrictJson.requiredString(body, "trackingNumber", "trackingNumber");
                instant(body, "shippedAt");
                optionalText(body, "returnIdentCode");
            }
            case CANCELLATION -> optionalText(body, "reason");
            case RETURN -> {
                instant(body, "receivedAt");
                optionalText(body, "reason");
            }
        }
    }

    static Instant instant(JsonObject body, String field) {
        try {
            return Instant.parse(StrictJson.requiredString(body, field, field));
        } catch (DateTimeParseException e) {
            throw StrictJson.bad("'" + field + "' must be an ISO-8601 instant such as 2026-12-08T09:00:00Z.");
        }
    }

    static void optionalText(JsonObject body, String field) {
        var value = body.get(field);
        if (value != null && value.getValueType() != JsonValue.ValueType.NULL && !(value instanceof JsonString)) {
            throw StrictJson.bad("'" + field + "' must be a string.");
        }
    }

    static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail);
    }

    /**
     * What the order's platform must hear of its reports, oldest first, with each call's attempts
     * and errors (SCAYLE's Admin API calls; Scalepoint's published events).
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OutboundCall> outbound(String orderId) {
        var calls = new HashMap<String, AdminApiCall>();
        var rows = outboundRows.ofOrder(orderId);
        if (rows.stream().anyMatch(row -> "scayle".equals(row.string("platform")))) {
            var first = rows.get(0);
            scayle.calls(first.string("merchant_key"), first.string("reference"))
                    .forEach(call -> calls.put(call.callKey(), call));
        }
        var events = new HashMap<String, PublicationView>();
        if (rows.stream().anyMatch(row -> "scalepoint".equals(row.string("platform")))) {
            publications.forOrder(rows.get(0).string("reference")).stream()
                    .filter(p -> p.cause() != null)
                    .forEach(p -> events.putIfAbsent(p.cause(), p));
        }
        return rows.stream()
                .map(row -> {
                    long id = row.longValue("outbound_id");
                    var event = events.get("ful_outbound:" + id);
                    if (event != null) {
                        return new OutboundCall(
                                id,
                                row.string("platform"),
                                row.string("kind"),
                                row.string("status"),
                                row.instant("created_at"),
                                event.attempts(),
                                event.httpStatus(),
                                event.lastError(),
                                null,
                                false,
                                event.sentAt());
                    }
                    var call = calls.get("ful_outbound:" + id);
                    return new OutboundCall(
                            id,
                            row.string("platform"),
                            row.string("kind"),
                            row.string("status"),
                            row.instant("created_at"),
                            call == null ? 0 : call.attempts(),
                            call == null ? null : call.lastStatus(),
                            call == null ? null : call.lastError(),
                            call == null ? null : call.errors(),
                            call != null && call.inDoubt(),
                            call == null ? null : call.lastAttemptAt());
                })
                .toList();
    }
}
