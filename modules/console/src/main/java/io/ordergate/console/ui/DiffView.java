package io.ordergate.console.ui;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;

/**
 * Two texts' difference for reading: {@code -} lines on red, {@code +} lines on green, long
 * unchanged stretches cut short. Used for Order Data versions and for SCAYLE redeliveries.
 */
public final class DiffView {

    /** Unchanged lines kept around each change. */
    static final int CONTEXT = 3;

    private DiffView() {}

    public static Pre of(String older, String newer) {
        var target = new Pre();
        show(target, older, newer);
        return target;
    }

    public static void show(Pre target, String older, String newer) {
        target.removeAll();
        var lines = LineDiff.diff(older, newer);
        if (!LineDiff.changed(lines)) {
            target.setText("No difference.");
            return;
        }
        for (var line : LineDiff.compact(lines, CONTEXT)) {
            var span = new Span(line.toString());
            span.getStyle().set("display", "block");
            switch (line.kind()) {
                case ADDED -> {
                    span.addClassName("diff-added");
                    span.getStyle()
                            .set("background", "var(--lumo-success-color-10pct)")
                            .set("color", "var(--lumo-success-text-color)");
                }
                case REMOVED -> {
                    span.addClassName("diff-removed");
                    span.getStyle()
                            .set("background", "var(--lumo-error-color-10pct)")
                            .set("color", "var(--lumo-error-text-color)");
                }
                case SKIPPED -> span.getStyle().set("color", "var(--lumo-secondary-text-color)");
                default -> {}
            }
            target.add(span);
        }
    }
}
