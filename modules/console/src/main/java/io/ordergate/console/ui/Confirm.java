package io.ordergate.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** "Are you sure?" before anything that changes state: says what will happen, then does it on OK. */
public final class Confirm {

    private Confirm() {}

    /**
     * @param id the dialog's id; its OK button is {@code id + "-ok"}
     * @param danger true for actions that cannot be undone (red button)
     */
    public static Dialog ask(String id, String title, String text, String okLabel, boolean danger, Runnable onOk) {
        var dialog = new Dialog();
        dialog.setId(id);
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(text));
        var ok = new Button(okLabel, click -> {
            dialog.close();
            onOk.run();
        });
        ok.setId(id + "-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (danger) {
            ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), ok);
        dialog.open();
        return dialog;
    }
}
