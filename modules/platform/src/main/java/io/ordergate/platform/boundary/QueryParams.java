package io.ordergate.platform.boundary;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reading query parameters with clear 400s: JAX-RS's own conversion answers a malformed number
 * with 404, which sends callers looking for the wrong mistake.
 */
public final class QueryParams {

    private QueryParams() {}

    public static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(400, "Bad Request", "'" + name + "' must be a whole number.");
        }
    }

    /** @return null when absent */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new ProblemException(400, "Bad Request", "'" + name + "' must be true or false.");
        }
        return Boolean.valueOf(value);
    }

    /** @return null when absent */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(
                    400, "Bad Request", "'" + name + "' must be an ISO-8601 instant such as 2026-11-23T00:00:00Z.");
        }
    }

    /** A page request from {@code page} (from 0) and {@code size} (1 to 200). */
    public static Page.Request page(String page, String size) {
        return new Page.Request(number("page", page), number("size", size));
    }
}
