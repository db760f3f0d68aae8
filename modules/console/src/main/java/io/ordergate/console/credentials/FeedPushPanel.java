package io.ordergate.console.credentials;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Confirm;
import io.ordergate.console.ui.SecretDialog;
import io.ordergate.console.ui.SecretDialog.Secret;
import io.ordergate.fulfilment.boundary.FeedWebhook;
import io.ordergate.fulfilment.boundary.WebhookStatus;
import java.time.Clock;
import java.time.Duration;

/**
 * The optional push of the order feed to the warehouse system: where it goes (configuration), how
 * far it got and what went wrong, and its signing secret, which admins create and rotate (shown
 * once; the one before it keeps signing for the rotation grace, so the receiver switches without a
 * gap).
 */
class FeedPushPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final FeedWebhook webhook;
    final Clock clock;
    final Duration grace;
    final boolean admin;
    final TextField url = new TextField("Receiver (ORDERGATE_FULFILMENT_WEBHOOK_URL)");
    final TextField secret = new TextField("Signing secret");
    final TextField pushedUpTo = new TextField("Pushed up to position");
    final TextField failures = new TextField("Failed attempts at the next change");
    final TextField nextAttempt = new TextField("Next attempt");
    final TextField lastStatus = new TextField("Receiver's last answer");
    final TextField lastError = new TextField("Last error");
    final Button rotate = new Button("Create signing secret");
    WebhookStatus status;

    FeedPushPanel(FeedWebhook webhook, Clock clock, Duration grace, boolean admin) {
        this.webhook = webhook;
        this.clock = clock;
        this.grace = grace;
        this.admin = admin;
        setId("fulfilment-push");
        setPadding(false);
        add(new Paragraph("With a receiver configured, every change of the order feed is also POSTed there in "
                + "position order, signed the Standard Webhooks way (webhook-id, webhook-timestamp, "
                + "webhook-signature: HMAC-SHA256 with the signing secret), and retried until the receiver answers "
                + "2xx. The feed at /api/fulfilment/feed stays the source of truth."));
        url.setId("push-url");
        secret.setId("push-secret");
        pushedUpTo.setId("push-position");
        failures.setId("push-attempts");
        nextAttempt.setId("push-next-attempt");
        lastStatus.setId("push-last-status");
        lastError.setId("push-last-error");
        var form = new FormLayout(url, secret, pushedUpTo, failures, nextAttempt, lastStatus, lastError);
        form.setColspan(url, 2);
        form.setColspan(lastError, 2);
        form.getChildren().forEach(field -> ((TextField) field).setReadOnly(true));
        add(form);
        var refresh = new Button("Refresh", click -> load());
        refresh.setId("push-refresh");
        var bar = new HorizontalLayout(refresh);
        if (admin) {
            rotate.setId("push-secret-rotate");
            rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            rotate.addClickListener(click -> confirmRotate());
            bar.add(rotate);
        }
        add(bar);
        load();
    }

    void load() {
        Actions.attempt(webhook::status).ifPresent(this::show);
    }

    void show(WebhookStatus current) {
        status = current;
        url.setValue(current.url() == null ? "off: no receiver is configured" : current.url());
        secret.setValue(
                current.secretCreatedAt() == null
                        ? "none yet: nothing can be pushed until an admin creates one"
                        : "created " + BrowserTime.format(current.secretCreatedAt()));
        pushedUpTo.setValue(String.valueOf(current.pushedUpTo()));
        failures.setValue(String.valueOf(current.attempts()));
        nextAttempt.setValue(current.nextAttemptAt() == null ? "" : BrowserTime.format(current.nextAttemptAt()));
        lastStatus.setValue(current.lastStatus() == null ? "" : String.valueOf(current.lastStatus()));
        lastError.setValue(current.lastError() == null ? "" : current.lastError());
        rotate.setText(current.secretCreatedAt() == null ? "Create signing secret" : "Rotate signing secret");
    }

    void confirmRotate() {
        boolean first = status == null || status.secretCreatedAt() == null;
        var period = CredentialState.period(grace);
        Confirm.ask(
                "confirm-push-secret",
                first ? "Create the signing secret?" : "Rotate the signing secret?",
                first
                        ? "The secret is shown once; the receiver needs it to check the signatures."
                        : "A new secret signs from now on. The current one keeps signing beside it for " + period
                                + " (until "
                                + BrowserTime.format(clock.instant().plus(grace))
                                + "), so the receiver can switch without rejecting a change.",
                first ? "Create" : "Rotate",
                false,
                () -> Actions.attempt(() -> webhook.rotate(CurrentUser.actor())).ifPresent(made -> {
                    load();
                    SecretDialog.show(
                            "Signing secret of the feed push",
                            made.previousValidUntil() == null
                                    ? "Give this to the receiver: it checks each webhook-signature with it."
                                    : "Give this to the receiver. Until "
                                            + BrowserTime.format(made.previousValidUntil())
                                            + " every change carries two signatures, one with the previous "
                                            + "secret and one with this one; after that only this one.",
                            new Secret("Signing secret", "issued-push-secret", made.secret()));
                }));
    }
}
