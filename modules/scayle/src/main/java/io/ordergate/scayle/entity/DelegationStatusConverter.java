package io.ordergate.scayle.entity;

import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scayle.boundary.DelegationStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps {@code scayle_delegation.status} the lower-case word it has always been. */
@Converter
public class DelegationStatusConverter implements AttributeConverter<DelegationStatus, String> {

    @Override
    public String convertToDatabaseColumn(DelegationStatus status) {
        return LowerCaseEnum.wire(status);
    }

    @Override
    public DelegationStatus convertToEntityAttribute(String text) {
        return LowerCaseEnum.parse(DelegationStatus.class, text);
    }
}
