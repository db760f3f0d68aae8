package io.ordergate.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows freshly issued credentials the only time they exist in clear: each value read-only with
 * a copy button, and a plain warning that they cannot be shown again. It closes only with its
 * button, so a stray click or Escape does not lose them.
 */
public final class SecretDialog {

    private SecretDialog() {}

    /**
     * @param values label → value, in display order
     * @param ids label → element id for the field (tests and deep links find values by it)
     */
    public static Dialog show(String title, String intro, Map<String, String> values, Map<String, String> ids) {
        var dialog = new Dialog();
        dialog.setId("secret-dialog");
        dialog.setHeaderTitle(title);
        dialog.setCloseOnEsc(false);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(52rem, 95vw)");
        var warning = new Div(
                VaadinIcon.WARNING.create(),
                new Div("You will not see this again. Copy it now and hand it over securely; OrderGate stores only a "
                        + "hash or a sealed copy and cannot show it later. Lost? Rotate to issue new ones."));
        warning.setId("secret-warning");
        warning.getStyle()
                .set("display", "flex")
                .set("gap", "var(--lumo-space-s)")
                .set("background", "var(--lumo-warning-color-10pct, #fff3cd)")
                .set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        var body = new VerticalLayout(new Paragraph(intro), warning);
        body.setPadding(false);
        var all = new LinkedHashMap<>(values);
        all.forEach((label, value) -> {
            var field = new TextField(label);
            field.setValue(value == null ? "" : value);
            field.setReadOnly(true);
            field.setWidthFull();
            field.setId(ids.getOrDefault(label, null));
            var row = new HorizontalLayout(field, new CopyButton("Copy", value == null ? "" : value));
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWidthFull();
            row.expand(field);
            body.add(row);
        });
        dialog.add(body);
        var done = new Button("I have copied them", click -> dialog.close());
        done.setId("secret-dialog-close");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
        return dialog;
    }
}
