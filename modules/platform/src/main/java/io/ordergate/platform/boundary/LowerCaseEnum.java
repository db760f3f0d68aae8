package io.ordergate.platform.boundary;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.Locale;

/**
 * Writes an enum as its lower-case name ({@code ACKNOWLEDGED} as {@code "acknowledged"}): the form
 * the admin API, the audit trail and the database have always used for states. Subclass it once per
 * enum and name the subclass in {@code @JsonbTypeAdapter} on the enum; use {@link #wire} and
 * {@link #parse} where the same text goes to SQL or comes from a query parameter.
 */
public abstract class LowerCaseEnum<E extends Enum<E>> implements JsonbAdapter<E, String> {

    private final Class<E> type;

    protected LowerCaseEnum(Class<E> type) {
        this.type = type;
    }

    @Override
    public String adaptToJson(E value) {
        return wire(value);
    }

    @Override
    public E adaptFromJson(String text) {
        return parse(type, text);
    }

    public static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when the text names no constant */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        return text == null ? null : Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }
}
