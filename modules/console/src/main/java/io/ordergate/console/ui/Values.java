package io.ordergate.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;

/** A value in a detail form: "—" when there is none; times in the browser's zone with UTC on hover. */
public final class Values {

    private Values() {}

    public static Component text(Object value) {
        return new Span(value == null ? "—" : value.toString());
    }

    public static Component time(Instant instant) {
        var span = new Span(instant == null ? "—" : BrowserTime.format(instant));
        span.setTitle(BrowserTime.utc(instant));
        return span;
    }
}
