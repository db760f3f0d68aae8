package io.ordergate.fulfilment.control;

import io.ordergate.fulfilment.boundary.ReportKind;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scalepoint.boundary.ScalepointPublications;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a report with its items, and the outbound row that tells its platform, in the caller's
 * transaction: nothing reported can be lost between the report and the call that passes it on. For
 * SCAYLE the job that makes the call ({@link ScayleOutbound}) is queued in the same transaction; for
 * Scalepoint the event is written to Scalepoint's outbox with its send job ({@link ScalepointOutbound}),
 * and when that kind of event is switched off no row is written: nothing is owed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ReportStore {

    static final String REPORT = """
            INSERT INTO ful_report (kind, report_key, order_id, client_id, body, received_at)
            VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS timestamptz)) RETURNING report_id""";

    static final String ITEMS = """
            INSERT INTO ful_report_item (report_id, item_id, quantity, return_key)
            SELECT ?1, i.item_id, i.quantity, i.return_key
            FROM jsonb_to_recordset(CAST(?2 AS jsonb)) AS i(item_id text, quantity integer, return_key text)""";

    static final String OUTBOUND = """
            INSERT INTO ful_outbound (order_id, platform, kind, report_id, created_at)
            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS timestamptz)) RETURNING outbound_id""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    ScalepointPublications publications;

    /**
     * @param units per item id
     * @param returnKeys per item id, for a shipment of a SCAYLE order; empty otherwise
     * @return the report's id
     */
    public long store(
            ReportKind kind,
            String key,
            String orderId,
            String platform,
            String clientId,
            String body,
            Map<String, Integer> units,
            Map<String, String> returnKeys,
            Instant now) {
        long reportId = ((Number) em.createNativeQuery(REPORT)
                        .setParameter(1, kind.wire())
                        .setParameter(2, key)
                        .setParameter(3, orderId)
                        .setParameter(4, clientId)
                        .setParameter(5, body)
                        .setParameter(6, Timestamp.from(now))
                        .getSingleResult())
                .longValue();
        var items = Jsons.createArrayBuilder();
        units.forEach((itemId, quantity) -> {
            var item = Jsons.createObjectBuilder().add("item_id", itemId).add("quantity", quantity);
            if (returnKeys.containsKey(itemId)) {
                item.add("return_key", returnKeys.get(itemId));
            }
            items.add(item);
        });
        em.createNativeQuery(ITEMS)
                .setParameter(1, reportId)
                .setParameter(2, items.build().toString())
                .executeUpdate();
        var scalepoint = ScalepointOutbound.PLATFORM.equals(platform);
        if (scalepoint && !publications.publishes(ScalepointOutbound.kind(kind))) {
            return reportId;
        }
        long outboundId = ((Number) em.createNativeQuery(OUTBOUND)
                        .setParameter(1, orderId)
                        .setParameter(2, platform)
                        .setParameter(3, kind.wire())
                        .setParameter(4, reportId)
                        .setParameter(5, Timestamp.from(now))
                        .getSingleResult())
                .longValue();
        if (ScayleOutbound.PLATFORM.equals(platform)) {
            // the job that passes it on commits with the report: no poller, nothing lost in between
            jobs.enqueue(
                    ScayleOutbound.JOB_TYPE, ScayleOutbound.dedupeKey(outboundId), ScayleOutbound.payload(outboundId));
        } else if (scalepoint) {
            // the event and its send job commit with the report, on Scalepoint's outbox
            publications.reported(ScalepointOutbound.report(outboundId, orderId, kind, body, units));
        }
        return reportId;
    }
}
