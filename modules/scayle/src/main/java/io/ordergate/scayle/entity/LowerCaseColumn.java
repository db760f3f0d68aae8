package io.ordergate.scayle.entity;

import io.ordergate.platform.boundary.LowerCaseEnum;
import jakarta.persistence.AttributeConverter;

/** Stores a state as the lower-case word its column has always held (see {@link LowerCaseEnum}). */
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
