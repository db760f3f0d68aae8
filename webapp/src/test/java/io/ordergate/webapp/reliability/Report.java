package io.ordergate.webapp.reliability;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What a reliability test did and found, printed as it happens (failsafe keeps it in the report). */
final class Report {

    private Report() {}

    static void line(String text) {
        System.out.println("[reliability " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + text);
    }

    static void line(String format, Object... arguments) {
        line(String.format(java.util.Locale.ROOT, format, arguments));
    }
}
