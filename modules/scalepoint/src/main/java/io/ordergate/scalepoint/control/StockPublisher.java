package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.Page;
import io.ordergate.scalepoint.boundary.PublishableEvent;
import io.ordergate.stock.boundary.Stock;
import io.ordergate.stock.boundary.StockLevelFilter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/** Publishes a SKU's stock level as it is now: one publication on the outbox, with its send job. */
@Stateless
public class StockPublisher {

    /** A SKU has a level per warehouse and one as a whole; more than this many are not expected. */
    static final int MAX_LEVELS = Page.Request.MAX_SIZE;

    @Inject
    Stock stock;

    @Inject
    PublicationOutbox outbox;

    @Inject
    PublishingConfig publishing;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long publish(String sku) {
        var levels = stock.levels(StockLevelFilter.exact(sku), new Page.Request(0, MAX_LEVELS))
                .items();
        var payload = EventPayloads.rename(EventPayloads.stock(sku, levels), publishing.fieldNames());
        return outbox.publish(
                        null,
                        publishing.type(PublishableEvent.STOCK_LEVEL_CHANGED),
                        payload,
                        "stock",
                        "stock:" + sku,
                        clock.instant())
                .id();
    }
}
