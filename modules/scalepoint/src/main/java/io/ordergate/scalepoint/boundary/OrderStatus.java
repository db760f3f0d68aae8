package io.ordergate.scalepoint.boundary;

import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.ProblemException;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.util.Arrays;
import java.util.List;

/**
 * Where a Scalepoint order stands: {@code pending} (announced, not fetched yet), {@code fetched}
 * (Order Data stored), {@code failed} (fetching, not succeeded yet), {@code dead} (the fetch gave
 * up; a refresh or job retry starts again). Written in lower case in JSON and in {@code sp_order}.
 */
@JsonbTypeAdapter(OrderStatus.Json.class)
public enum OrderStatus {
    PENDING,
    FETCHED,
    FAILED,
    DEAD;

    /** The lower-case names, in order, as the admin API and the database spell them. */
    public static final List<String> WIRE =
            Arrays.stream(values()).map(LowerCaseEnum::wire).toList();

    /**
     * A status filter as a query parameter gives it; blank means any.
     *
     * @throws ProblemException 400 for a word that is not a status
     */
    public static OrderStatus filter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!WIRE.contains(text)) {
            throw new ProblemException(400, "Invalid status", "status must be one of " + WIRE + ".");
        }
        return LowerCaseEnum.parse(OrderStatus.class, text);
    }

    public static final class Json extends LowerCaseEnum<OrderStatus> {
        public Json() {
            super(OrderStatus.class);
        }
    }
}
