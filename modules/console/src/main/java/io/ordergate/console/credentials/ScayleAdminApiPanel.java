package io.ordergate.console.credentials;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.scayle.boundary.AdminApiConnectionView;
import io.ordergate.scayle.boundary.AdminApiTest;
import io.ordergate.scayle.boundary.ScayleAdminApi;

/**
 * How OrderGate reaches SCAYLE's Admin API to pass on shipments, cancellations and returns: base
 * URL, company id and access token. The token is write-only: the page says only whether one is set
 * and when it changed; saving with the field empty keeps it. "Test connection" shows exactly what
 * the facade's test answered.
 */
class ScayleAdminApiPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final ScayleAdminApi adminApi;
    final boolean admin;
    final TextField baseUrl = new TextField("Base URL");
    final TextField companyId = new TextField("Company id (optional)");
    final PasswordField accessToken = new PasswordField("New access token");
    final TextField tokenState = new TextField("Stored access token");
    final Paragraph saved = new Paragraph();
    final Div testResult = new Div();

    ScayleAdminApiPanel(ScayleAdminApi adminApi, boolean admin) {
        this.adminApi = adminApi;
        this.admin = admin;
        setId("scayle-admin-api");
        setPadding(false);
        add(new Paragraph("Every shipment, cancellation and return of a SCAYLE order is passed on to SCAYLE's "
                + "Admin API with this connection (through the job queue; see the order page for each call)."));
        baseUrl.setId("admin-api-base-url");
        baseUrl.setHelperText("e.g. https://acme-live.admin.api.scayle.cloud/api/admin/v1");
        companyId.setId("admin-api-company-id");
        companyId.setHelperText("Sent as X-Company-Id when set");
        accessToken.setId("admin-api-token");
        accessToken.setHelperText("Never shown again; leave empty to keep the stored token");
        tokenState.setId("admin-api-token-state");
        tokenState.setReadOnly(true);
        var form = new FormLayout(baseUrl, companyId, tokenState);
        form.setColspan(baseUrl, 2);
        if (admin) {
            form.add(accessToken);
        }
        baseUrl.setReadOnly(!admin);
        companyId.setReadOnly(!admin);
        saved.setId("admin-api-saved");
        add(form, saved);
        if (admin) {
            var save = new Button("Save connection", click -> save());
            save.setId("admin-api-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var test = new Button("Test connection", click -> test());
            test.setId("admin-api-test");
            add(new HorizontalLayout(save, test));
        }
        testResult.setId("admin-api-test-result");
        add(testResult);
        load();
    }

    void load() {
        Actions.attempt(adminApi::view)
                .ifPresent(view -> view.ifPresentOrElse(this::show, () -> {
                    tokenState.setValue("not set");
                    saved.setText("Not connected yet: enter what SCAYLE gave you and save.");
                }));
    }

    void show(AdminApiConnectionView view) {
        baseUrl.setValue(view.baseUrl() == null ? "" : view.baseUrl());
        companyId.setValue(view.companyId() == null ? "" : view.companyId());
        tokenState.setValue(
                view.accessTokenSet()
                        ? "set"
                                + (view.accessTokenChangedAt() == null
                                        ? ""
                                        : ", changed " + BrowserTime.format(view.accessTokenChangedAt()))
                        : "not set");
        saved.setText("Saved " + BrowserTime.format(view.updatedAt()) + " by " + view.updatedBy() + ".");
    }

    void save() {
        var token = accessToken.getValue().isEmpty() ? null : accessToken.getValue();
        var company =
                companyId.getValue().isBlank() ? null : companyId.getValue().trim();
        Actions.attempt(() -> adminApi.update(baseUrl.getValue().trim(), token, company, CurrentUser.actor()))
                .ifPresent(view -> {
                    accessToken.clear();
                    show(view);
                    Actions.success("Connection saved.");
                });
    }

    void test() {
        Actions.attempt(() -> adminApi.test(CurrentUser.actor())).ifPresent(this::showTest);
    }

    void showTest(AdminApiTest result) {
        testResult.getElement().setAttribute("data-ok", String.valueOf(result.ok()));
        testResult.setText(
                result.ok() ? "Connected: SCAYLE's Admin API accepted the access token." : "Failed: " + result.error());
        testResult
                .getStyle()
                .set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", result.ok() ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)")
                .set("color", result.ok() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }
}
