package io.ordergate.fulfilment.control;

import io.ordergate.fulfilment.boundary.ReportKind;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scalepoint.boundary.PublicationSettled;
import io.ordergate.scalepoint.boundary.WarehouseReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

/**
 * Passes a {@code ful_outbound} row of a Scalepoint order on as an event on Scalepoint's outbox:
 * {@link ReportStore} hands the report over in the report's transaction
 * ({@link io.ordergate.scalepoint.boundary.ScalepointPublications#reported}, which writes the
 * publication and its send job), and the row follows the publication: when it settles
 * ({@link PublicationSettled}, in the transaction that records its job's outcome) the row becomes
 * {@code sent} or {@code dead} through {@link OutboundRows#settled}, as a SCAYLE row does with its job.
 */
@ApplicationScoped
public class ScalepointOutbound {

    static final String PLATFORM = "scalepoint";

    static final String ORDER_PREFIX = "scalepoint:";

    @Inject
    OutboundRows rows;

    void settled(@Observes PublicationSettled settled) {
        var cause = settled.cause();
        if (cause == null || !cause.startsWith(OutboundRows.CAUSE_PREFIX)) {
            return;
        }
        rows.settled(
                Long.parseLong(cause.substring(OutboundRows.CAUSE_PREFIX.length())),
                settled.sent(),
                settled.attempts(),
                settled.httpStatus(),
                settled.error());
    }

    static WarehouseReport.Kind kind(ReportKind kind) {
        return switch (kind) {
            case SHIPMENT -> WarehouseReport.Kind.SHIPMENT;
            case CANCELLATION -> WarehouseReport.Kind.CANCELLATION;
            case RETURN -> WarehouseReport.Kind.RETURN;
        };
    }

    /** What Scalepoint must hear of a report, from its body as received (already checked). */
    static WarehouseReport report(
            long outboundId, String orderId, ReportKind kind, String body, Map<String, Integer> units) {
        JsonObject json;
        try (var reader = Jsons.createReader(new StringReader(body))) {
            json = reader.readObject();
        }
        var at = switch (kind) {
            case SHIPMENT -> Instant.parse(OutboundRows.text(json, "shippedAt"));
            case RETURN -> Instant.parse(OutboundRows.text(json, "receivedAt"));
            case CANCELLATION -> null;
        };
        return new WarehouseReport(
                ScayleOutbound.dedupeKey(outboundId),
                orderId.startsWith(ORDER_PREFIX) ? orderId.substring(ORDER_PREFIX.length()) : orderId,
                kind(kind),
                OutboundRows.text(json, kind.keyField()),
                OutboundRows.text(json, "carrier"),
                OutboundRows.text(json, "trackingNumber"),
                at,
                OutboundRows.text(json, "returnIdentCode"),
                OutboundRows.text(json, "reason"),
                units);
    }
}
