package io.ordergate.scayle.entity;

import io.ordergate.scayle.boundary.DeliveryOutcome;
import jakarta.persistence.Converter;

/** {@code scayle_delivery_attempt.outcome}. */
@Converter
public class DeliveryOutcomeConverter extends LowerCaseColumn<DeliveryOutcome> {

    public DeliveryOutcomeConverter() {
        super(DeliveryOutcome.class);
    }
}
