package io.ordergate.console.credentials;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Confirm;
import io.ordergate.console.ui.SecretDialog;
import io.ordergate.console.ui.SecretDialog.Secret;
import io.ordergate.credentials.boundary.IssuedClient;
import io.ordergate.credentials.boundary.WebhookClientInfo;
import io.ordergate.credentials.boundary.WebhookClients;
import io.ordergate.platform.boundary.PublicUrl;
import io.ordergate.scalepoint.boundary.ScalepointEventsResource;
import io.ordergate.scalepoint.boundary.WebhookClientCredentials;
import java.time.Clock;
import java.time.Duration;

/**
 * The OAuth2 clients Scalepoint's Event API uses to call our event webhook: the same pattern as
 * SCAYLE credentials (issue once with everything to paste, rotate with grace, revoke).
 */
class WebhookClientsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final WebhookClients clients;
    final PublicUrl urls;
    final Clock clock;
    final Duration grace;
    final Grid<WebhookClientInfo> grid = new Grid<>(WebhookClientInfo.class, false);

    WebhookClientsPanel(WebhookClients clients, PublicUrl urls, Clock clock, Duration grace, boolean admin) {
        this.clients = clients;
        this.urls = urls;
        this.clock = clock;
        this.grace = grace;
        setId("webhook-clients");
        setPadding(false);
        add(new Paragraph("Scalepoint's Event API gets a token from " + urls.of("/oauth/token")
                + " with one of these clients and then posts order events to " + urls.of("/api/scalepoint/events")
                + "."));
        if (admin) {
            var create = new Button("New webhook client", click -> create());
            create.setId("webhook-client-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.setId("webhook-client-grid");
        grid.setEmptyStateText("No webhook client yet: Scalepoint cannot send events until one is issued.");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(WebhookClientInfo::clientId).setHeader("Client id").setAutoWidth(true);
        grid.addColumn(WebhookClientInfo::scope).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(c ->
                        CredentialState.describe(c.expiresAt(), c.revokedAt(), clock.instant(), BrowserTime::format))
                .setHeader("State")
                .setAutoWidth(true);
        grid.addColumn(c -> BrowserTime.format(c.createdAt()))
                .setHeader("Issued")
                .setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(c -> {
                        var rotate = new Button("Rotate", click -> confirmRotate(c));
                        rotate.setId("rotate-" + c.clientId());
                        rotate.addThemeVariants(ButtonVariant.LUMO_SMALL);
                        var revoke = new Button("Revoke", click -> confirmRevoke(c));
                        revoke.setId("revoke-" + c.clientId());
                        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                        boolean live = c.revokedAt() == null && c.active();
                        rotate.setEnabled(live);
                        revoke.setEnabled(live);
                        return new HorizontalLayout(rotate, revoke);
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        add(grid);
        reload();
    }

    void reload() {
        grid.setItems(clients.list(ScalepointEventsResource.PLATFORM));
    }

    void create() {
        Actions.attempt(() -> clients.create(
                        ScalepointEventsResource.PLATFORM, WebhookClientCredentials.SCOPE, CurrentUser.actor()))
                .ifPresent(issued -> {
                    reload();
                    show(
                            "New Scalepoint webhook client",
                            "Send these to Scalepoint for their Event API "
                                    + "subscription (client_secret_basic or client_secret_post).",
                            issued);
                });
    }

    void confirmRotate(WebhookClientInfo client) {
        var period = CredentialState.period(grace);
        Confirm.ask(
                "confirm-rotate",
                "Rotate " + client.clientId() + "?",
                "A new client is issued now. This one "
                        + "keeps working for " + period + " (until "
                        + BrowserTime.format(clock.instant().plus(grace))
                        + "), so Scalepoint can switch over without a lost event.",
                "Rotate",
                false,
                () -> Actions.attempt(() -> clients.rotate(
                                ScalepointEventsResource.PLATFORM, client.clientId(), CurrentUser.actor()))
                        .ifPresent(issued -> {
                            reload();
                            show(
                                    "Replacement for " + client.clientId(),
                                    "The previous client keeps working for " + period
                                            + ". Send these to Scalepoint before then.",
                                    issued);
                        }));
    }

    void confirmRevoke(WebhookClientInfo client) {
        Confirm.ask(
                "confirm-revoke",
                "Revoke " + client.clientId() + "?",
                "Token requests with this client are "
                        + "refused at once, and tokens it already holds stop working. This cannot be undone.",
                "Revoke",
                true,
                () -> {
                    if (Actions.run(() -> clients.revoke(
                            ScalepointEventsResource.PLATFORM, client.clientId(), CurrentUser.actor()))) {
                        Actions.success(client.clientId() + " is revoked.");
                        reload();
                    }
                });
    }

    void show(String title, String intro, IssuedClient issued) {
        var ready = WebhookClientCredentials.of(issued, urls);
        SecretDialog.show(
                title,
                intro,
                new Secret("Token URL", "issued-token-url", ready.tokenUrl()),
                new Secret("Webhook URL", "issued-webhook-url", ready.webhookUrl()),
                new Secret("Client id", "issued-client-id", ready.clientId()),
                new Secret("Client secret", "issued-client-secret", ready.clientSecret()),
                new Secret("Scope", "issued-scope", ready.scope()));
    }
}
