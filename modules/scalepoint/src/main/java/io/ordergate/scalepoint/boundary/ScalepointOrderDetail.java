package io.ordergate.scalepoint.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * One Scalepoint order with everything known about it: what the latest snapshot says
 * ({@code order}, tolerant extract), every snapshot version as received, every fetch
 * ({@code attempts}), the events Scalepoint sent about it and the events we published.
 */
public record ScalepointOrderDetail(
        String orderToken,
        OrderStatus status,
        @JsonbProperty("case") CaseInfo caseInfo,
        ScalepointOrder summary,
        OrderData order,
        List<OrderSnapshots.SnapshotView> snapshots,
        List<OrderSnapshots.FetchView> attempts,
        List<ScalepointEvents.EventView> events,
        List<ScalepointPublications.PublicationView> publications) {}
