package io.ordergate.console.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** One line that says whether a credential works now and until when, so nobody has to work it out. */
final class CredentialState {

    private CredentialState() {}

    static String describe(Instant expiresAt, Instant revokedAt, Instant now, Function<Instant, String> format) {
        if (revokedAt != null) {
            return "revoked " + format.apply(revokedAt);
        }
        if (expiresAt == null) {
            return "active";
        }
        if (!expiresAt.isAfter(now)) {
            return "expired " + format.apply(expiresAt);
        }
        return "active until " + format.apply(expiresAt) + " (rotation grace, " + left(Duration.between(now, expiresAt))
                + " left)";
    }

    /** {@code 47 h 59 min}, {@code 12 min}, {@code 40 s}. */
    static String left(Duration duration) {
        if (duration.toHours() > 0) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        if (duration.toMinutes() > 0) {
            return duration.toMinutes() + " min";
        }
        return Math.max(0, duration.toSeconds()) + " s";
    }

    /** {@code 48 h}, {@code 2 d 6 h}, {@code 30 min}: the configured grace period for people. */
    static String period(Duration duration) {
        if (duration.toDays() >= 3) {
            return duration.toDays() + " d" + (duration.toHoursPart() == 0 ? "" : " " + duration.toHoursPart() + " h");
        }
        if (duration.toHours() > 0) {
            return duration.toHours() + " h"
                    + (duration.toMinutesPart() == 0 ? "" : " " + duration.toMinutesPart() + " min");
        }
        if (duration.toMinutes() > 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() + " s";
    }
}
