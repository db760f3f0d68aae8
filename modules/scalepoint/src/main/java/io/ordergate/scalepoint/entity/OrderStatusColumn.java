package io.ordergate.scalepoint.entity;

import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scalepoint.boundary.OrderStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * {@code sp_order.status}: the lower-case word the schema's CHECK constraint names. It implements
 * {@link AttributeConverter} itself: EclipseLink reads the column type from the converter's own
 * generic interface and gets it wrong through a generic superclass (eclipse-ee4j/eclipselink#2060).
 */
@Converter
public class OrderStatusColumn implements AttributeConverter<OrderStatus, String> {

    @Override
    public String convertToDatabaseColumn(OrderStatus status) {
        return LowerCaseEnum.wire(status);
    }

    @Override
    public OrderStatus convertToEntityAttribute(String text) {
        return LowerCaseEnum.parse(OrderStatus.class, text);
    }
}
