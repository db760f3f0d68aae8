package io.ordergate.scalepoint.entity;

import io.ordergate.platform.boundary.LowerCaseEnum;
import jakarta.persistence.AttributeConverter;

/** Stores a state enum as the lower-case word the schema's CHECK constraints name. */
abstract class LowerCaseColumn<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    LowerCaseColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return LowerCaseEnum.wire(value);
    }

    @Override
    public E convertToEntityAttribute(String text) {
        return LowerCaseEnum.parse(type, text);
    }
}
