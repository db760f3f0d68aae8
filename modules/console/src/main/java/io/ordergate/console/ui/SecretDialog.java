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

/**
 * Shows freshly issued credentials the only time they exist in clear: each value read-only with
 * a copy button, and a plain warning that they cannot be shown again. It closes only with its
 * button, so a stray click or Escape does not lose them.
 */
public final class SecretDialog {

    private SecretDialog() {}

    /**
     * One value to hand over.
     *
     * @param id the field's element id (tests and deep links find the value by it)
     */
    public record Secret(String label, String id, String value) {}

    /** @param secrets in display order */
    public static Dialog show(String title, String intro, Secret... secrets) {
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
        for (var secret : secrets) {
            var value = secret.value() == null ? "" : secret.value();
            var field = new TextField(secret.label());
            field.setValue(value);
            field.setReadOnly(true);
            field.setWidthFull();
            field.setId(secret.id());
            var row = new HorizontalLayout(field, new CopyButton("Copy", value));
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWidthFull();
            row.expand(field);
            body.add(row);
        }
        dialog.add(body);
        var done = new Button("I have copied them", click -> dialog.close());
        done.setId("secret-dialog-close");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
        return dialog;
    }
}
