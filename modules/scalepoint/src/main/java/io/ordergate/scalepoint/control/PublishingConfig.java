package io.ordergate.scalepoint.control;

import io.ordergate.scalepoint.boundary.PublishableEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What OrderGate publishes to Scalepoint by itself, and how: which causes publish, the name of
 * each event of the catalogue ({@link PublishableEvent}), the status words of the status events,
 * renamed payload fields and the stock events' debounce. Scalepoint's supplier event names and
 * payloads are not public (spec section 6): every one of these is configuration with a documented
 * default, so an installation can follow what Scalepoint tells it without a new release.
 */
@ApplicationScoped
public class PublishingConfig {

    /** What publishes by itself. */
    public enum Cause {
        SHIPMENT,
        CANCELLATION,
        RETURN,
        STOCK;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Comma-separated causes that publish: shipment, cancellation, return, stock; "none" for none. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.on")
    String on;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.status.type")
    String statusType;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.delivery-planned.type")
    String deliveryPlannedType;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.shipment.type")
    String shipmentType;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.stock.type")
    String stockType;

    /** A SKU's stock event waits this long after its first change, taking every change meanwhile. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.stock.debounce")
    Duration stockDebounce;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.status.cancelled")
    String cancelledStatus;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.status.returned")
    String returnedStatus;

    /** Renames of payload fields, {@code ours=theirs,...}; "none" keeps OrderGate's names. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.events.field-names")
    String fieldNames;

    /** A misspelt setting stops the start, rather than silently switching events off at the first report. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        causes(on);
        fieldNames();
        for (var event : PublishableEvent.values()) {
            if (type(event).isEmpty()) {
                throw new IllegalArgumentException(
                        "ordergate.scalepoint.events." + event.key() + ".type must name an event.");
            }
        }
    }

    public boolean on(Cause cause) {
        return causes(on).contains(cause);
    }

    public String type(PublishableEvent event) {
        return switch (event) {
            case ORDER_STATUS_CHANGED -> statusType.strip();
            case DELIVERY_PLANNED -> deliveryPlannedType.strip();
            case DELIVERY_SHIPPED -> shipmentType.strip();
            case STOCK_LEVEL_CHANGED -> stockType.strip();
        };
    }

    public Duration stockDebounce() {
        return stockDebounce.isNegative() ? Duration.ZERO : stockDebounce;
    }

    public String cancelledStatus() {
        return cancelledStatus.strip();
    }

    public String returnedStatus() {
        return returnedStatus.strip();
    }

    public Map<String, String> fieldNames() {
        return EventPayloads.renames(fieldNames);
    }

    /** @throws IllegalArgumentException naming an unknown cause, so a typo does not silently switch events off */
    static Set<Cause> causes(String list) {
        var text = Optional.ofNullable(list).orElse("").strip();
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return Set.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> Arrays.stream(Cause.values())
                        .filter(c -> c.wire().equalsIgnoreCase(s))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("ordergate.scalepoint.events.on: '" + s
                                + "' is none of shipment, cancellation, return, stock.")))
                .collect(Collectors.toUnmodifiableSet());
    }
}
