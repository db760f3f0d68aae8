package io.ordergate.scalepoint.boundary;

import java.math.BigDecimal;
import java.util.List;

/**
 * What we recognise in a Scalepoint Order Data API response (spec section 5), for listing. The
 * schema is not public: the body itself is stored as received, this is a tolerant extract of it.
 * Anything missing or unreadable is null; {@code lines} is never null.
 *
 * @param total the body's order total when it has one, else the sum of the line totals when every
 *     line has one, else null
 */
public record OrderData(
        String externalId,
        String orderNumber,
        String status,
        String currency,
        Address deliveryAddress,
        Contact contact,
        List<Line> lines,
        BigDecimal total) {

    private static final OrderData EMPTY = new OrderData(null, null, null, null, null, null, List.of(), null);

    public OrderData {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Nothing recognised. */
    public static OrderData empty() {
        return EMPTY;
    }

    public record Address(String name, String street, String postalCode, String city, String countryCode) {}

    public record Contact(String name, String telephone, String email) {}

    public record Line(
            String lineId,
            String productId,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal total) {}
}
