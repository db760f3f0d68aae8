package io.ordergate.console.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.fulfilment.boundary.FulfilmentActivity.Hour;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A small bar chart of one count per hour, drawn with plain divs (no charts component: Vaadin
 * Charts is commercial). Each bar carries {@code data-hour} (the hour's start, ISO-8601 UTC) and
 * {@code data-count}, and says both on hover in the user's time zone.
 */
final class ActivityChart {

    static final int HEIGHT_PX = 60;

    private ActivityChart() {}

    static Div of(String id, String label, String color, List<Hour> hours, ToLongFunction<Hour> count) {
        long max = Math.max(1, hours.stream().mapToLong(count).max().orElse(0));
        long total = hours.stream().mapToLong(count).sum();
        var bars = new Div();
        bars.addClassName("bars");
        bars.getStyle()
                .set("display", "flex")
                .set("align-items", "flex-end")
                .set("gap", "1px")
                .set("height", HEIGHT_PX + "px")
                .set("border-bottom", "1px solid var(--lumo-contrast-30pct)");
        for (var hour : hours) {
            long n = count.applyAsLong(hour);
            var bar = new Div();
            bar.addClassName("bar");
            bar.getElement().setAttribute("data-hour", hour.hour().toString());
            bar.getElement().setAttribute("data-count", String.valueOf(n));
            bar.getElement().setAttribute("title", BrowserTime.format(hour.hour()) + ": " + n);
            bar.getStyle()
                    .set("flex", "1 1 0")
                    .set("min-width", "2px")
                    .set("height", n == 0 ? "1px" : Math.max(2, n * HEIGHT_PX / max) + "px")
                    .set("background", n == 0 ? "var(--lumo-contrast-10pct)" : color);
            bars.add(bar);
        }
        var caption = new H3(label);
        caption.getStyle()
                .set("font-size", "var(--lumo-font-size-s)")
                .set("margin", "0")
                .set("color", "var(--lumo-secondary-text-color)");
        var sum = new Span(
                total + " in " + hours.size() + " h, at most " + (max == 1 && total == 0 ? 0 : max) + " an hour");
        sum.addClassName("total");
        sum.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        var chart = new Div(caption, bars, sum);
        chart.setId(id);
        chart.getElement().setAttribute("data-total", String.valueOf(total));
        chart.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-xs)")
                .set("flex", "1 1 20em")
                .set("min-width", "20em")
                .set("padding", "var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)");
        return chart;
    }
}
