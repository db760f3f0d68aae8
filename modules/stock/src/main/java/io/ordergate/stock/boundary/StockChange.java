package io.ordergate.stock.boundary;

import java.time.Instant;

/**
 * One row of the stock journal: what changed a level, who, and the level before and after.
 *
 * @param cause {@code level} (a count reported by the ERP or staff), {@code reserved},
 *     {@code released} or {@code consumed} (by orders)
 * @param reference the order or report the change belongs to; null for a reported count
 * @param onHandBefore null when the change created the level
 */
public record StockChange(
        long id,
        Instant occurredAt,
        String sku,
        String warehouse,
        String cause,
        String actorType,
        String actor,
        String reference,
        Integer onHandBefore,
        int onHandAfter,
        Integer reservedBefore,
        int reservedAfter) {}
