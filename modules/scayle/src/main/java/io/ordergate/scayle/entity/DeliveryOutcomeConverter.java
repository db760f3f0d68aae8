package io.ordergate.scayle.entity;

import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scayle.boundary.DeliveryOutcome;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps {@code scayle_delivery_attempt.outcome} the lower-case word it has always been. */
@Converter
public class DeliveryOutcomeConverter implements AttributeConverter<DeliveryOutcome, String> {

    @Override
    public String convertToDatabaseColumn(DeliveryOutcome outcome) {
        return LowerCaseEnum.wire(outcome);
    }

    @Override
    public DeliveryOutcome convertToEntityAttribute(String text) {
        return LowerCaseEnum.parse(DeliveryOutcome.class, text);
    }
}
