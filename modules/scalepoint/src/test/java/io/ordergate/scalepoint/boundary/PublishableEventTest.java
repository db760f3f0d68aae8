package io.ordergate.scalepoint.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishableEventTest {

    @Test
    void theCatalogueSaysWhichFieldsEachEventCarriesAndRequires() {
        assertThat(PublishableEvent.eventTypes())
                .containsExactly("order_status_changed", "delivery_planned", "delivery_shipped");
        var shipped = PublishableEvent.of("delivery_shipped").orElseThrow();
        assertThat(shipped.requires(PublishableEvent.Field.TRACKING_NUMBER)).isTrue();
        assertThat(shipped.carries(PublishableEvent.Field.EXPECTED_DELIVERY_DATE))
                .isFalse();
        assertThat(PublishableEvent.of("order_created")).isEmpty();
        assertThat(PublishableEvent.Field.EXPECTED_DELIVERY_DATE.jsonName()).isEqualTo("expectedDeliveryDate");
    }
}
