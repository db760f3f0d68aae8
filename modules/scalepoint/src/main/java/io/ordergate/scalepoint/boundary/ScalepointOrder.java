package io.ordergate.scalepoint.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Scalepoint order as staff see it in lists. {@code status}: see {@link OrderStatus}; a failed
 * order's {@code lastError} says why. The order fields come from the
 * latest Order Data snapshot and are null before the first fetch. {@code fetchJobId} points at its
 * latest fetch in the job queue. {@code nextRefreshAt}: when the refresh schedule fetches the order
 * again (null when it is not on the schedule: not fetched yet, the schedule is off, or the order is
 * no longer open, {@code refreshStopped} saying why).
 */
public record ScalepointOrder(
        String orderToken,
        OrderStatus status,
        @JsonbProperty("case") CaseInfo caseInfo,
        String orderNumber,
        String orderStatus,
        String currency,
        BigDecimal total,
        Integer lineCount,
        String deliveryName,
        String deliveryCity,
        String deliveryCountry,
        String contactEmail,
        Integer snapshotVersion,
        Instant fetchedAt,
        String lastError,
        Long fetchJobId,
        Instant createdAt,
        Instant updatedAt,
        Instant nextRefreshAt,
        String refreshStopped) {}
