package io.ordergate.scayle.control;

import io.ordergate.platform.boundary.SqlRow;
import io.ordergate.scayle.boundary.AdminApiCall;
import io.ordergate.scayle.boundary.FulfilmentCall;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of {@code scayle_admin_call}, each change in a transaction of its own: the mark that a
 * POST is about to leave must be committed before it leaves, so that whatever happens next (no
 * answer, a crash of the node) the next attempt knows it has to read the order first.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AdminApiCalls {

    static final String CREATE = """
            INSERT INTO scayle_admin_call (call_key, merchant_key, reference_key, kind, created_at)
            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS timestamptz)) ON CONFLICT (call_key) DO NOTHING""";

    static final String SELECT = """
            SELECT call_key, kind, merchant_key, reference_key, attempts, in_doubt, outcome, last_status, last_error,
                   errors, created_at, last_attempt_at, done_at
            FROM scayle_admin_call""";

    static final String SENDING = """
            UPDATE scayle_admin_call SET attempts = attempts + 1, in_doubt = true,
                last_attempt_at = CAST(?2 AS timestamptz)
            WHERE call_key = ?1""";

    static final String ANSWERED = """
            UPDATE scayle_admin_call SET in_doubt = ?2, outcome = CAST(?3 AS text), last_status = CAST(?4 AS integer),
                last_error = CAST(?5 AS text), errors = COALESCE(CAST(?6 AS text), errors), claimed_until = NULL,
                done_at = CASE WHEN CAST(?3 AS text) IS NULL THEN NULL ELSE CAST(?7 AS timestamptz) END
            WHERE call_key = ?1""";

    static final String ATTEMPTED = """
            UPDATE scayle_admin_call SET attempts = attempts + 1, last_status = CAST(?2 AS integer),
                last_error = CAST(?3 AS text), claimed_until = NULL,
                last_attempt_at = CAST(?4 AS timestamptz)
            WHERE call_key = ?1""";

    static final String CLAIM = """
            UPDATE scayle_admin_call SET claimed_until = CAST(?3 AS timestamptz)
            WHERE call_key = ?1 AND (outcome IS NULL OR outcome = 'rejected')
              AND (claimed_until IS NULL OR claimed_until < CAST(?2 AS timestamptz))""";

    @PersistenceContext
    EntityManager em;

    /**
     * Holds the call for one attempt, until it is answered or {@code until} passes (a node that died
     * mid-call); false when another attempt holds it or SCAYLE has it. A refused call can be held
     * again: staff retried its dead job.
     */
    public boolean claim(String callKey, Instant now, Instant until) {
        return em.createNativeQuery(CLAIM)
                        .setParameter(1, callKey)
                        .setParameter(2, Timestamp.from(now))
                        .setParameter(3, Timestamp.from(until))
                        .executeUpdate()
                == 1;
    }

    /** The call's row, created on its first attempt. */
    public AdminApiCall open(FulfilmentCall call, Instant now) {
        em.createNativeQuery(CREATE)
                .setParameter(1, call.callKey())
                .setParameter(2, call.merchantKey())
                .setParameter(3, call.referenceKey())
                .setParameter(4, call.kind())
                .setParameter(5, Timestamp.from(now))
                .executeUpdate();
        return find(call.callKey()).orElseThrow();
    }

    /** Committed before the POST leaves: until an answer settles it, the call is in doubt. */
    public void sending(String callKey, Instant now) {
        em.createNativeQuery(SENDING)
                .setParameter(1, callKey)
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
    }

    /**
     * What the attempt came to.
     *
     * @param inDoubt whether it may have reached SCAYLE without an answer that says so
     * @param outcome {@code sent}, {@code found}, {@code rejected}, or null while the call is still owed
     * @param errors SCAYLE's errors[] (JSON) of a refusal; null keeps what was there
     */
    public void answered(
            String callKey, boolean inDoubt, String outcome, Integer status, String error, String errors, Instant now) {
        em.createNativeQuery(ANSWERED)
                .setParameter(1, callKey)
                .setParameter(2, inDoubt)
                .setParameter(3, outcome)
                .setParameter(4, status)
                .setParameter(5, error)
                .setParameter(6, errors)
                .setParameter(7, Timestamp.from(now))
                .executeUpdate();
    }

    /** An attempt that posted nothing (the order read first failed, or the call could not be built). */
    public void attempted(String callKey, Integer status, String error, Instant now) {
        em.createNativeQuery(ATTEMPTED)
                .setParameter(1, callKey)
                .setParameter(2, status)
                .setParameter(3, error)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AdminApiCall> find(String callKey) {
        return SqlRow.first(
                        em.createNativeQuery(SELECT + " WHERE call_key = ?1").setParameter(1, callKey))
                .map(AdminApiCalls::call);
    }

    /** The calls of one order, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AdminApiCall> ofOrder(String merchantKey, String referenceKey) {
        return SqlRow.list(em.createNativeQuery(SELECT
                                + " WHERE merchant_key = ?1 AND reference_key = ?2 ORDER BY created_at, call_key")
                        .setParameter(1, merchantKey)
                        .setParameter(2, referenceKey))
                .stream()
                .map(AdminApiCalls::call)
                .toList();
    }

    /**
     * Where the calls of an order go: the delegation's shop, country, SCAYLE order id and each
     * item's {@code orderItemId} by its id in the fulfilment model (its reference key); empty when
     * the delegation is unknown or lacks the shop, country or order id.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AdminApiBodies.Target> target(String merchantKey, String referenceKey) {
        var rows = SqlRow.list(
                em.createNativeQuery("""
                        SELECT d.shop_key, d.country_code, d.scayle_order_id, i.position, i.reference_key, i.order_item_id
                        FROM scayle_delegation d JOIN scayle_delegation_item i ON i.delegation_id = d.delegation_id
                        WHERE d.merchant_key = ?1 AND d.reference_key = ?2 ORDER BY i.position""").setParameter(1, merchantKey).setParameter(2, referenceKey));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var first = rows.get(0);
        if (first.string("shop_key") == null
                || first.string("country_code") == null
                || first.longValue("scayle_order_id") == null) {
            return Optional.empty();
        }
        var items = new HashMap<String, Long>();
        for (var row : rows) {
            var orderItemId = row.longValue("order_item_id");
            if (orderItemId != null) {
                // as DelegationRequest.itemId names it: the reference key (always stored)
                items.put(row.string("reference_key"), orderItemId);
            }
        }
        return Optional.of(new AdminApiBodies.Target(
                first.string("shop_key"), first.string("country_code"), first.longValue("scayle_order_id"), items));
    }

    /** The most recently acknowledged order that names a shop, a country and an order id, for the test call. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AdminApiBodies.Target> latestAcknowledged() {
        return SqlRow.first(em.createNativeQuery("""
                        SELECT shop_key, country_code, scayle_order_id FROM scayle_delegation
                        WHERE status = 'acknowledged' AND shop_key IS NOT NULL AND country_code IS NOT NULL
                          AND scayle_order_id IS NOT NULL
                        ORDER BY received_at DESC, delegation_id DESC"""))
                .map(row -> new AdminApiBodies.Target(
                        row.string("shop_key"),
                        row.string("country_code"),
                        row.longValue("scayle_order_id"),
                        Map.of()));
    }

    static AdminApiCall call(SqlRow row) {
        return new AdminApiCall(
                row.string("call_key"),
                row.string("kind"),
                row.string("merchant_key"),
                row.string("reference_key"),
                (int) row.count("attempts"),
                Boolean.TRUE.equals(row.bool("in_doubt")),
                row.string("outcome"),
                row.integer("last_status"),
                row.string("last_error"),
                row.string("errors"),
                row.instant("created_at"),
                row.instant("last_attempt_at"),
                row.instant("done_at"));
    }
}
