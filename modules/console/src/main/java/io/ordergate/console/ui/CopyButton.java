package io.ordergate.console.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;

/**
 * Copies a text to the clipboard in the browser. The Clipboard API exists only on secure origins
 * (HTTPS or localhost); elsewhere, e.g. a node reached by its address, the older copy command is
 * used.
 */
public class CopyButton extends Button {

    private static final long serialVersionUID = 1L;

    static final String COPY = """
            const text = $0;
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText(text);
            }
            const area = document.createElement('textarea');
            area.value = text;
            area.style.position = 'fixed';
            area.style.opacity = '0';
            document.body.appendChild(area);
            area.select();
            const copied = document.execCommand('copy');
            area.remove();
            if (!copied) {
              throw new Error('The browser refused to copy');
            }""";

    public CopyButton(String label, String text) {
        super(label, VaadinIcon.COPY.create());
        addThemeVariants(ButtonVariant.LUMO_SMALL);
        addClickListener(click -> getElement()
                .executeJs(COPY, text)
                .then(
                        done -> Notification.show("Copied to the clipboard", 2000, Notification.Position.BOTTOM_START),
                        error -> Notification.show(
                                "Could not copy: " + error, 5000, Notification.Position.BOTTOM_START)));
    }
}
