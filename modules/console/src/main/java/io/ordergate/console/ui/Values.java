package io.ordergate.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Forms and the values of a detail form: "—" when there is none; times in the browser's zone with
 * UTC on hover.
 */
public final class Values {

    private Values() {}

    /** A form: one column on a narrow screen, {@code columns} from 40em on. */
    public static FormLayout form(int columns) {
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", columns));
        return form;
    }

    public static Component text(Object value) {
        return new Span(value == null ? "—" : value.toString());
    }

    public static Component time(Instant instant) {
        var span = new Span(instant == null ? "—" : BrowserTime.format(instant));
        span.setTitle(BrowserTime.utc(instant));
        return span;
    }

    /** The parts that say something (not null, not blank), joined; null when none does. */
    public static String joined(String separator, String... parts) {
        var text = Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
        return text.isEmpty() ? null : text;
    }
}
