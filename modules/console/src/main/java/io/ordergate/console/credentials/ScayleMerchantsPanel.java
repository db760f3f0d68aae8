package io.ordergate.console.credentials;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Confirm;
import io.ordergate.console.ui.SecretDialog;
import io.ordergate.console.ui.SecretDialog.Secret;
import io.ordergate.credentials.boundary.IssuedScayleCredential;
import io.ordergate.credentials.boundary.ScayleCredentialInfo;
import io.ordergate.credentials.boundary.ScayleMerchantCredentials;
import io.ordergate.credentials.boundary.ScayleMerchantInfo;
import io.ordergate.platform.boundary.PublicUrl;
import io.ordergate.scayle.boundary.MerchantCredentials;
import io.ordergate.scayle.boundary.ScayleMerchantSettings;
import java.time.Clock;

/**
 * SCAYLE merchants, their Basic Auth credentials and their settings. Admins add a merchant, rotate
 * its credentials (the old ones keep working for the grace period, shown before and after), revoke
 * one at once and change its settings (stock policy, warehouse map); everyone else sees who is set
 * up, which credentials work and the settings, never a secret.
 */
class ScayleMerchantsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final ScayleMerchantCredentials credentials;
    final ScayleMerchantSettings settings;
    final PublicUrl urls;
    final Clock clock;
    final boolean admin;
    final Grid<ScayleMerchantInfo> merchants = new Grid<>(ScayleMerchantInfo.class, false);
    final Grid<ScayleCredentialInfo> credentialGrid = new Grid<>(ScayleCredentialInfo.class, false);
    final H3 selectedTitle = new H3();
    final Button rotate = new Button("Rotate credentials");

    ScayleMerchantsPanel(
            ScayleMerchantCredentials credentials,
            ScayleMerchantSettings settings,
            PublicUrl urls,
            Clock clock,
            boolean admin) {
        this.credentials = credentials;
        this.settings = settings;
        this.urls = urls;
        this.clock = clock;
        this.admin = admin;
        setId("scayle-merchants");
        setPadding(false);
        add(new Paragraph("SCAYLE sends each merchant's orders to the delegation URL and cancellations to the "
                + "cancellation URL, with the merchant's Basic Auth credentials. Orders for another merchant "
                + "are refused."));
        if (admin) {
            var key = new TextField("Merchant key");
            key.setId("merchant-key");
            key.setHelperText("As in SCAYLE: letters, digits, '.', '_' or '-'");
            var create = new Button("Add merchant", click -> create(key));
            create.setId("merchant-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var bar = new HorizontalLayout(key, create);
            bar.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(bar);
        }
        merchants.setId("merchant-grid");
        merchants.setEmptyStateText("No SCAYLE merchant is set up yet.");
        merchants.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        merchants
                .addColumn(ScayleMerchantInfo::merchantKey)
                .setHeader("Merchant")
                .setAutoWidth(true);
        merchants
                .addColumn(ScayleMerchantInfo::activeCredentials)
                .setHeader("Working credentials")
                .setAutoWidth(true);
        merchants
                .addColumn(m -> BrowserTime.format(m.createdAt()))
                .setHeader("Added")
                .setAutoWidth(true);
        merchants.addColumn(ScayleMerchantInfo::createdBy).setHeader("By").setAutoWidth(true);
        merchants
                .addComponentColumn(m -> {
                    var open = new Button("Settings", click -> openSettings(m.merchantKey()));
                    open.setId("settings-" + m.merchantKey());
                    open.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    return open;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        merchants.setAllRowsVisible(true);
        merchants.addSelectionListener(selection -> showCredentials());

        selectedTitle.setId("merchant-selected");
        rotate.setId("merchant-rotate");
        rotate.setVisible(false);
        rotate.addClickListener(
                click -> merchants.getSelectedItems().stream().findFirst().ifPresent(this::confirmRotate));
        credentialGrid.setId("credential-grid");
        credentialGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        credentialGrid
                .addColumn(ScayleCredentialInfo::username)
                .setHeader("Username")
                .setAutoWidth(true);
        credentialGrid
                .addColumn(c ->
                        CredentialState.describe(c.expiresAt(), c.revokedAt(), clock.instant(), BrowserTime::format))
                .setHeader("State")
                .setAutoWidth(true);
        credentialGrid
                .addColumn(c -> BrowserTime.format(c.createdAt()))
                .setHeader("Issued")
                .setAutoWidth(true);
        if (admin) {
            credentialGrid
                    .addComponentColumn(c -> {
                        var revoke = new Button("Revoke", click -> confirmRevoke(c));
                        revoke.setId("revoke-" + c.username());
                        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                        revoke.setEnabled(c.revokedAt() == null && c.active());
                        return revoke;
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        credentialGrid.setAllRowsVisible(true);
        credentialGrid.setVisible(false);
        // Controls a role may not use are not created at all (an invisible Vaadin component still
        // leaves an empty element in the page).
        var selectedBar = admin ? new HorizontalLayout(selectedTitle, rotate) : new HorizontalLayout(selectedTitle);
        selectedBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(merchants, selectedBar, credentialGrid);
        reload(null);
    }

    void reload(String select) {
        var all = credentials.scayleMerchants();
        merchants.setItems(all);
        all.stream().filter(m -> m.merchantKey().equals(select)).findFirst().ifPresent(merchants::select);
        showCredentials();
    }

    void showCredentials() {
        var selected = merchants.getSelectedItems().stream().findFirst();
        selectedTitle.setText(
                selected.map(m -> "Credentials of " + m.merchantKey()).orElse(""));
        rotate.setVisible(admin && selected.isPresent());
        credentialGrid.setVisible(selected.isPresent());
        selected.ifPresent(m -> credentialGrid.setItems(credentials.scayleCredentials(m.merchantKey())));
    }

    void openSettings(String merchantKey) {
        Actions.attempt(() -> settings.get(merchantKey))
                .ifPresent(current -> new MerchantSettingsDialog(settings, current, admin).open());
    }

    void create(TextField key) {
        var merchantKey = key.getValue().trim();
        Actions.attempt(() -> credentials.createScayleMerchant(merchantKey, CurrentUser.actor()))
                .ifPresent(issued -> {
                    key.clear();
                    reload(merchantKey);
                    show(
                            "Merchant " + merchantKey + " is set up",
                            "Paste these into the merchant's order delegation " + "settings in SCAYLE.",
                            issued);
                });
    }

    void confirmRotate(ScayleMerchantInfo merchant) {
        var grace = CredentialState.period(credentials.rotationGrace());
        Confirm.ask(
                "confirm-rotate",
                "Rotate the credentials of " + merchant.merchantKey() + "?",
                "New credentials are issued now. The current ones keep working for " + grace + " (until "
                        + BrowserTime.format(clock.instant().plus(credentials.rotationGrace()))
                        + "), so SCAYLE can be switched over without losing an order.",
                "Rotate",
                false,
                () -> Actions.attempt(
                                () -> credentials.rotateScayleCredentials(merchant.merchantKey(), CurrentUser.actor()))
                        .ifPresent(issued -> {
                            reload(merchant.merchantKey());
                            show(
                                    "New credentials for " + merchant.merchantKey(),
                                    "The previous credentials keep " + "working for " + grace
                                            + ". Update SCAYLE's settings before then.",
                                    issued);
                        }));
    }

    void confirmRevoke(ScayleCredentialInfo credential) {
        Confirm.ask(
                "confirm-revoke",
                "Revoke " + credential.username() + "?",
                "SCAYLE calls with this credential are refused at once (401). This cannot be undone.",
                "Revoke",
                true,
                () -> {
                    if (Actions.run(() -> credentials.revokeScayleCredential(
                            credential.merchantKey(), credential.username(), CurrentUser.actor()))) {
                        Actions.success(credential.username() + " is revoked.");
                        reload(credential.merchantKey());
                    }
                });
    }

    void show(String title, String intro, IssuedScayleCredential issued) {
        var ready = MerchantCredentials.of(issued, urls);
        SecretDialog.show(
                title,
                intro,
                new Secret("Order delegation URL", "issued-delegation-url", ready.orderDelegationUrl()),
                new Secret("Cancellation URL", "issued-cancellation-url", ready.cancellationUrl()),
                new Secret("Username", "issued-username", ready.username()),
                new Secret("Password", "issued-password", ready.password()));
    }
}
