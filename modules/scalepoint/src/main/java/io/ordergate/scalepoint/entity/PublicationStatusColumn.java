package io.ordergate.scalepoint.entity;

import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scalepoint.boundary.PublicationStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** {@code sp_publication.status}, as {@link OrderStatusColumn} (no generic superclass, for EclipseLink). */
@Converter
public class PublicationStatusColumn implements AttributeConverter<PublicationStatus, String> {

    @Override
    public String convertToDatabaseColumn(PublicationStatus status) {
        return LowerCaseEnum.wire(status);
    }

    @Override
    public PublicationStatus convertToEntityAttribute(String text) {
        return LowerCaseEnum.parse(PublicationStatus.class, text);
    }
}
