package io.ordergate.console.ui;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.dom.Style;

/**
 * Preformatted text (JSON as stored or sent, a difference) on a shaded panel that scrolls instead
 * of widening the page.
 */
public final class CodeBlock {

    private CodeBlock() {}

    /** Shades the block; the returned style takes what a page adds (a height limit, the full width). */
    public static Style shade(Pre pre) {
        return pre.getStyle()
                .set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("overflow", "auto")
                .set("margin", "0");
    }
}
