package io.ordergate.console.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Times as the user reads them: in the browser's time zone, learnt once per session from the
 * browser, with the UTC instant for a hover text. Until the browser has answered, UTC is used.
 */
public final class BrowserTime {

    static final String ZONE = BrowserTime.class.getName() + ".zone";
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private BrowserTime() {}

    /** Asks the browser for its zone now, if not known yet, so that views usually find it at hand. */
    public static void learn(UI ui) {
        whenKnown(ui, zone -> {});
    }

    /** Runs the action with the browser's zone: at once when known, else when the browser answers. */
    public static void whenKnown(UI ui, Consumer<ZoneId> action) {
        var known = (ZoneId) ui.getSession().getAttribute(ZONE);
        if (known != null) {
            action.accept(known);
            return;
        }
        ui.getPage().retrieveExtendedClientDetails(details -> {
            var zone = zone(details.getTimeZoneId());
            ui.getSession().setAttribute(ZONE, zone);
            action.accept(zone);
        });
    }

    /** The browser's zone if it is known by now, else UTC. */
    public static ZoneId zone() {
        var session = VaadinSession.getCurrent();
        var known = session == null ? null : (ZoneId) session.getAttribute(ZONE);
        return known == null ? ZoneOffset.UTC : known;
    }

    /** {@code 2026-11-23 14:05:09} in the browser's zone; empty for null. */
    public static String format(Instant instant) {
        return format(instant, zone());
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }

    /** {@code 2026-11-23 13:05:09 UTC}, for hover texts; empty for null. */
    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** The browser's IANA zone id, or UTC when it sent none that Java knows. */
    static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
