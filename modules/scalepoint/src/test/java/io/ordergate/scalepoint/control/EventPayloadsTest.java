package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordergate.scalepoint.boundary.WarehouseReport;
import io.ordergate.stock.boundary.StockLevelView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventPayloadsTest {

    static final Instant AT = Instant.parse("2026-12-08T09:30:00Z");

    static Map<String, Integer> lines() {
        var lines = new LinkedHashMap<String, Integer>();
        lines.put("2", 1);
        lines.put("1", 3);
        return lines;
    }

    @Test
    void aShipmentCarriesCarrierTrackingAndItsLines() {
        var report = new WarehouseReport(
                "ful_outbound:7",
                "abc",
                WarehouseReport.Kind.SHIPMENT,
                "ship-1",
                "PostNord",
                "TT123",
                AT,
                null,
                null,
                lines());

        assertThat(EventPayloads.report(report, null).toString())
                .isEqualTo("{\"shipmentKey\":\"ship-1\",\"carrier\":\"PostNord\",\"trackingNumber\":\"TT123\","
                        + "\"shippedAt\":\"2026-12-08T09:30:00Z\","
                        + "\"lines\":[{\"lineId\":\"2\",\"quantity\":1},{\"lineId\":\"1\",\"quantity\":3}]}");
        var withReturnCode = new WarehouseReport(
                "c", "abc", WarehouseReport.Kind.SHIPMENT, "s", "DHL", "T-1", AT, "RIC-9", "ignored", Map.of("1", 1));
        assertThat(EventPayloads.report(withReturnCode, null).getString("returnIdentCode"))
                .isEqualTo("RIC-9");
        assertThat(EventPayloads.report(withReturnCode, null)).doesNotContainKey("reason");
    }

    @Test
    void cancellationsAndReturnsAreStatusChangesWithTheConfiguredWord() {
        var cancellation = new WarehouseReport(
                "c", "abc", WarehouseReport.Kind.CANCELLATION, "can-1", null, null, null, null, "damaged", lines());
        assertThat(EventPayloads.report(cancellation, "Cancelled").toString())
                .isEqualTo("{\"status\":\"Cancelled\",\"cancellationKey\":\"can-1\",\"reason\":\"damaged\","
                        + "\"lines\":[{\"lineId\":\"2\",\"quantity\":1},{\"lineId\":\"1\",\"quantity\":3}]}");
        var ret = new WarehouseReport(
                "c", "abc", WarehouseReport.Kind.RETURN, "ret-1", null, null, AT, null, null, Map.of("1", 1));
        assertThat(EventPayloads.report(ret, "Annulled").toString())
                .isEqualTo("{\"status\":\"Annulled\",\"returnKey\":\"ret-1\",\"receivedAt\":\"2026-12-08T09:30:00Z\","
                        + "\"lines\":[{\"lineId\":\"1\",\"quantity\":1}]}");
    }

    @Test
    void stockIsTheSkuAsAWholeWhenItHasSuchALevelElseItsWarehousesSummed() {
        var whole = new StockLevelView("SKU-1", null, 10, 3, 7, AT);
        var wh1 = new StockLevelView("SKU-1", "WH1", 4, 1, 3, AT.minusSeconds(60));
        var wh2 = new StockLevelView("SKU-1", "WH2", 2, 3, 0, AT.plusSeconds(60));

        var both = EventPayloads.stock("SKU-1", List.of(whole, wh1, wh2));
        assertThat(both.getInt("onHand")).isEqualTo(10);
        assertThat(both.getInt("available")).isEqualTo(7);
        assertThat(both.getString("asOf")).isEqualTo(AT.toString());
        assertThat(both.getJsonArray("warehouses")).hasSize(2);

        var warehousesOnly = EventPayloads.stock("SKU-1", List.of(wh1, wh2));
        assertThat(warehousesOnly.getInt("onHand")).isEqualTo(6);
        assertThat(warehousesOnly.getInt("reserved")).isEqualTo(4);
        assertThat(warehousesOnly.getInt("available")).isEqualTo(3);
        assertThat(warehousesOnly.getString("asOf"))
                .isEqualTo(AT.plusSeconds(60).toString());

        assertThat(EventPayloads.stock("SKU-2", List.of()).toString())
                .isEqualTo("{\"sku\":\"SKU-2\",\"onHand\":0,\"reserved\":0,\"available\":0,\"warehouses\":[]}");
    }

    @Test
    void fieldsAreRenamedAtEveryDepthAsConfigured() {
        var report = new WarehouseReport(
                "c", "abc", WarehouseReport.Kind.SHIPMENT, "s", "DHL", "T-1", AT, null, null, Map.of("1", 2));
        var names = EventPayloads.renames(" trackingNumber=trackingNo, lines=items,lineId=line ");

        var renamed = EventPayloads.rename(EventPayloads.report(report, null), names);

        assertThat(renamed.getString("trackingNo")).isEqualTo("T-1");
        assertThat(renamed).doesNotContainKeys("trackingNumber", "lines");
        assertThat(renamed.getJsonArray("items").getJsonObject(0).getString("line"))
                .isEqualTo("1");
        assertThat(EventPayloads.renames("none")).isEmpty();
        assertThat(EventPayloads.renames(" ")).isEmpty();
    }

    @Test
    void aRenameThatIsNotOursEqualsTheirsOrHitsTheEnvelopeIsRefused() {
        assertThatThrownBy(() -> EventPayloads.renames("trackingNumber"))
                .hasMessageContaining("'trackingNumber' is not ours=theirs");
        assertThatThrownBy(() -> EventPayloads.renames("status=eventType"))
                .hasMessageContaining("'eventType' is a field of the envelope");
    }

    @Test
    void theCausesThatPublishAreReadStrictly() {
        assertThat(PublishingConfig.causes("shipment, RETURN"))
                .containsExactlyInAnyOrder(PublishingConfig.Cause.SHIPMENT, PublishingConfig.Cause.RETURN);
        assertThat(PublishingConfig.causes("none")).isEmpty();
        assertThatThrownBy(() -> PublishingConfig.causes("shipment,stocks"))
                .hasMessageContaining("'stocks' is none of shipment, cancellation, return, stock");
    }
}
