package io.ordergate.scalepoint.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishableEventTest {

    @Test
    void theCatalogueSaysWhichFieldsEachEventCarriesAndRequires() {
        assertThat(PublishableEvent.aboutAnOrder())
                .extracting(PublishableEvent::defaultType)
                .containsExactly("order_status_changed", "delivery_planned", "delivery_shipped");
        var shipped = PublishableEvent.DELIVERY_SHIPPED;
        assertThat(shipped.requires(PublishableEvent.Field.TRACKING_NUMBER)).isTrue();
        assertThat(shipped.carries(PublishableEvent.Field.EXPECTED_DELIVERY_DATE))
                .isFalse();
        assertThat(PublishableEvent.Field.EXPECTED_DELIVERY_DATE.jsonName()).isEqualTo("expectedDeliveryDate");
    }

    @Test
    void stockIsInTheCatalogueButAboutNoOrder() {
        assertThat(PublishableEvent.STOCK_LEVEL_CHANGED.aboutOrder()).isFalse();
        assertThat(PublishableEvent.STOCK_LEVEL_CHANGED.defaultType()).isEqualTo("stock_level_changed");
        assertThat(PublishableEvent.STOCK_LEVEL_CHANGED.key()).isEqualTo("stock");
        assertThat(PublishableEvent.DELIVERY_SHIPPED.key()).isEqualTo("shipment");
    }
}
