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
import java.time.Clock;
import java.time.Duration;

/**
 * The OAuth2 clients of one kind that call us with a token from our token endpoint: Scalepoint's
 * Event API (our event webhook) or the warehouse system (the fulfilment API). The same pattern as
 * SCAYLE credentials: issue once with everything to paste, rotate with grace, revoke.
 */
class ApiClientsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final WebhookClients clients;
    final ClientKind kind;
    final PublicUrl urls;
    final Clock clock;
    final Duration grace;
    final Grid<WebhookClientInfo> grid = new Grid<>(WebhookClientInfo.class, false);

    ApiClientsPanel(
            WebhookClients clients, ClientKind kind, PublicUrl urls, Clock clock, Duration grace, boolean admin) {
        this.clients = clients;
        this.kind = kind;
        this.urls = urls;
        this.clock = clock;
        this.grace = grace;
        setId(kind.id() + "s");
        setPadding(false);
        add(new Paragraph(kind.purpose()));
        if (admin) {
            var create = new Button("New " + kind.noun(), click -> create());
            create.setId(kind.id() + "-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.setId(kind.id() + "-grid");
        grid.setEmptyStateText(
                "No " + kind.noun() + " yet: " + kind.holder() + " cannot call OrderGate until one is issued.");
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
        grid.setItems(clients.list(kind.platform()));
        // a state such as "active until … (rotation grace, 6 s left)" is wider than the first rows were
        grid.recalculateColumnWidths();
    }

    void create() {
        Actions.attempt(() -> clients.create(kind.platform(), kind.scope(), CurrentUser.actor()))
                .ifPresent(issued -> {
                    reload();
                    show("New " + kind.noun() + " for " + kind.holder(), kind.handOver(), issued);
                });
    }

    void confirmRotate(WebhookClientInfo client) {
        var period = CredentialState.period(grace);
        Confirm.ask(
                "confirm-rotate",
                "Rotate " + client.clientId() + "?",
                "A new client is issued now. This one keeps working for " + period + " (until "
                        + BrowserTime.format(clock.instant().plus(grace)) + "), so " + kind.holder()
                        + " can switch over without a refused call.",
                "Rotate",
                false,
                () -> Actions.attempt(() -> clients.rotate(kind.platform(), client.clientId(), CurrentUser.actor()))
                        .ifPresent(issued -> {
                            reload();
                            show(
                                    "Replacement for " + client.clientId(),
                                    "The previous client keeps working for " + period + ". " + kind.handOver()
                                            + " Switch over before then.",
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
                    if (Actions.run(() -> clients.revoke(kind.platform(), client.clientId(), CurrentUser.actor()))) {
                        Actions.success(client.clientId() + " is revoked.");
                        reload();
                    }
                });
    }

    void show(String title, String intro, IssuedClient issued) {
        SecretDialog.show(title, intro, kind.issued().secrets(issued, urls).toArray(Secret[]::new));
    }
}
