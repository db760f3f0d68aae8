package io.ordergate.platform.boundary;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a partner's {@code Retry-After} header (RFC 9110 section 10.2.3): delay-seconds or an
 * HTTP-date (IMF-fixdate, and the obsolete RFC 850 and asctime forms).
 *
 * <p>The wait is capped at {@link #MAX}: a partner asking for more than a day is treated as asking
 * for a day, so that one odd header cannot park a job for weeks; the job queue's own time limit
 * still applies on top. A value we cannot read is no instruction at all (empty), never an error.
 */
public final class RetryAfter {

    /** The longest wait we honour. */
    public static final Duration MAX = Duration.ofHours(24);

    private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM d HH:mm:ss uuuu")
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT);

    private RetryAfter() {}

    /**
     * @param headerValue the header's value, may be null
     * @param now the instant an HTTP-date is measured from
     * @return the wait, between zero and {@link #MAX}; empty for null, blank, negative, overflowing
     *     or unreadable values
     */
    public static Optional<Duration> parse(String headerValue, Instant now) {
        Objects.requireNonNull(now, "now");
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        var value = WHITESPACE.matcher(headerValue.strip()).replaceAll(" ");
        if (DELAY_SECONDS.matcher(value).matches()) {
            try {
                return Optional.of(capped(Duration.ofSeconds(Long.parseLong(value))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        var date = httpDate(value, now);
        if (date == null) {
            return Optional.empty();
        }
        var wait = Duration.between(now, date);
        return Optional.of(wait.isNegative() ? Duration.ZERO : capped(wait));
    }

    static Instant httpDate(String value, Instant now) {
        try {
            return ZonedDateTime.parse(value, IMF_FIXDATE).toInstant();
        } catch (DateTimeException e) {
            // not IMF-fixdate: try the obsolete forms
        }
        try {
            return LocalDateTime.parse(value, rfc850(now)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // not RFC 850 either
        }
        try {
            return LocalDateTime.parse(value, ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * RFC 850 dates have a two-digit year: RFC 9110 reads one more than 50 years ahead as the most
     * recent past year with those digits.
     */
    static DateTimeFormatter rfc850(Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, year - 49)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    static Duration capped(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
