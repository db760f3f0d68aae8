package io.ordergate.console.credentials;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Confirm;
import io.ordergate.console.ui.CopyButton;
import io.ordergate.console.ui.Grids;
import io.ordergate.scalepoint.boundary.CertificateView;
import io.ordergate.scalepoint.boundary.ConnectionRequest;
import io.ordergate.scalepoint.boundary.ConnectionTest;
import io.ordergate.scalepoint.boundary.ConnectionView;
import io.ordergate.scalepoint.boundary.ScalepointCertificates;
import io.ordergate.scalepoint.boundary.ScalepointConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * How OrderGate reaches Scalepoint: client id, scopes, tenant and country; the client
 * certificates for {@code private_key_jwt} (generate, hand the public part to Scalepoint, activate
 * once they have it, retire the old one); and a test that asks for a token and says exactly what
 * happened.
 */
class ScalepointConnectionPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    static final String JWT = "Certificate (private_key_jwt)";
    static final String SECRET = "Client secret";
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    final ScalepointConnection connection;
    /** The certificates' facade (the grid is {@link #certificates}). */
    final ScalepointCertificates keys;

    final Clock clock;
    final boolean admin;
    final TextField clientId = new TextField("Client id");
    final TextField scopes = new TextField("Scopes");
    final TextField tenant = new TextField("Tenant");
    final TextField country = new TextField("Country");
    final RadioButtonGroup<String> authentication = new RadioButtonGroup<>("Authentication");
    final PasswordField clientSecret = new PasswordField("Client secret");
    final TextField tokenUrl = new TextField("Token URL");
    final TextField orderDataUrl = new TextField("Order Data API URL");
    final TextField eventApiUrl = new TextField("Event API URL");
    final Paragraph saved = new Paragraph();
    final Grid<CertificateView> certificates = new Grid<>(CertificateView.class, false);
    final Div testResult = new Div();

    ScalepointConnectionPanel(
            ScalepointConnection connection, ScalepointCertificates keys, Clock clock, boolean admin) {
        this.connection = connection;
        this.keys = keys;
        this.clock = clock;
        this.admin = admin;
        setId("scalepoint-connection");
        setPadding(false);

        clientId.setId("connection-client-id");
        scopes.setId("connection-scopes");
        scopes.setHelperText("Separated by spaces, as Scalepoint issued them");
        tenant.setId("connection-tenant");
        tenant.setHelperText("e.g. scalepoint (a path segment of the Event API)");
        country.setId("connection-country");
        country.setHelperText("e.g. dk");
        authentication.setId("connection-authentication");
        authentication.setItems(JWT, SECRET);
        authentication.setValue(JWT);
        clientSecret.setId("connection-client-secret");
        clientSecret.setHelperText("Never shown again; enter it again whenever you save with a client secret");
        clientSecret.setVisible(false);
        authentication.addValueChangeListener(change -> clientSecret.setVisible(SECRET.equals(change.getValue())));
        tokenUrl.setId("connection-token-url");
        orderDataUrl.setId("connection-order-data-url");
        eventApiUrl.setId("connection-event-api-url");
        var form = new FormLayout(clientId, scopes, tenant, country, authentication, clientSecret);
        var urls = new FormLayout(tokenUrl, orderDataUrl, eventApiUrl);
        var advanced = new Details("Scalepoint URLs (leave empty for the configured defaults)", urls);
        saved.setId("connection-saved");
        add(new H3("Connection"), form, advanced, saved);
        List.of(clientId, scopes, tenant, country, tokenUrl, orderDataUrl, eventApiUrl)
                .forEach(field -> field.setReadOnly(!admin));
        authentication.setReadOnly(!admin);
        if (admin) {
            var save = new Button("Save connection", click -> save());
            save.setId("connection-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var test = new Button("Test connection", click -> test());
            test.setId("connection-test");
            add(new HorizontalLayout(save, test));
        }
        testResult.setId("connection-test-result");
        add(testResult);

        add(
                new H3("Client certificates"),
                new Paragraph("OrderGate signs its token requests with the active "
                        + "certificate's private key, which never leaves the server. Send the certificate (base64 DER) to "
                        + "Scalepoint, and activate it once they have registered it."));
        if (admin) {
            var commonName = new TextField("Common name");
            commonName.setId("certificate-common-name");
            commonName.setPlaceholder("OrderGate <client id>");
            var generate = new Button("Generate certificate", click -> generate(commonName));
            generate.setId("certificate-generate");
            var bar = new HorizontalLayout(commonName, generate);
            bar.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(bar);
        }
        certificates.setId("certificate-grid");
        certificates.setEmptyStateText("No certificate yet: generate one (or set a client secret above).");
        certificates.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        certificates
                .addColumn(CertificateView::thumbprint)
                .setHeader("Thumbprint (kid)")
                .setAutoWidth(true);
        certificates.addColumn(CertificateView::subject).setHeader("Subject").setAutoWidth(true);
        certificates.addColumn(this::state).setHeader("State").setAutoWidth(true);
        Grids.time(certificates, "Expires", CertificateView::notAfter)
                .setPartNameGenerator(c -> expiresSoon(c) ? "expiring" : null);
        certificates.addColumn(CertificateView::origin).setHeader("Origin").setAutoWidth(true);
        certificates.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        certificates.setAllRowsVisible(true);
        add(certificates);
        load();
    }

    void load() {
        connection
                .view()
                .ifPresentOrElse(
                        this::show,
                        () -> saved.setText("Not connected yet: enter what Scalepoint " + "gave you and save."));
        certificates.setItems(keys.list());
    }

    void show(ConnectionView view) {
        clientId.setValue(nullToEmpty(view.clientId()));
        scopes.setValue(String.join(" ", view.scopes()));
        tenant.setValue(nullToEmpty(view.tenant()));
        country.setValue(nullToEmpty(view.country()));
        authentication.setValue("client_secret".equals(view.authentication()) ? SECRET : JWT);
        tokenUrl.setValue(nullToEmpty(view.tokenUrl()));
        orderDataUrl.setValue(nullToEmpty(view.orderDataUrl()));
        eventApiUrl.setValue(nullToEmpty(view.eventApiUrl()));
        saved.setText("Saved " + BrowserTime.format(view.updatedAt()) + " by " + view.updatedBy() + "; "
                + (view.activeCertificate() == null
                        ? "no active certificate"
                        : "active certificate " + view.activeCertificate())
                + ".");
    }

    void save() {
        boolean withSecret = SECRET.equals(authentication.getValue());
        if (withSecret && clientSecret.isEmpty()) {
            clientSecret.setInvalid(true);
            clientSecret.setErrorMessage("Enter the client secret (it is not shown after saving)");
            return;
        }
        clientSecret.setInvalid(false);
        var request = new ConnectionRequest(
                clientId.getValue().trim(),
                Arrays.stream(scopes.getValue().trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .toList(),
                tenant.getValue().trim(),
                country.getValue().trim(),
                blankToNull(tokenUrl.getValue()),
                blankToNull(orderDataUrl.getValue()),
                blankToNull(eventApiUrl.getValue()),
                withSecret ? clientSecret.getValue() : null);
        Actions.attempt(() -> connection.update(request, CurrentUser.actor())).ifPresent(view -> {
            clientSecret.clear();
            show(view);
            Actions.success("Connection saved.");
        });
    }

    void test() {
        Actions.attempt(() -> connection.test(CurrentUser.actor())).ifPresent(this::showTest);
    }

    void showTest(ConnectionTest result) {
        testResult.removeAll();
        testResult.getElement().setAttribute("data-ok", String.valueOf(result.ok()));
        var text = result.ok()
                ? "Connected: " + result.tokenUrl() + " issued a token (" + result.authentication() + ", scope "
                        + result.scope() + ", valid " + result.expiresIn() + " s)."
                : "Failed: " + result.error()
                        + (result.tokenUrl() == null
                                ? ""
                                : " (token URL " + result.tokenUrl() + ", " + result.authentication() + ")");
        testResult.setText(text + " Tested " + BrowserTime.format(result.testedAt()) + ".");
        testResult
                .getStyle()
                .set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", result.ok() ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)")
                .set("color", result.ok() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }

    void generate(TextField commonName) {
        Actions.attempt(() -> keys.generate(commonName.getValue(), CurrentUser.actor()))
                .ifPresent(created -> {
                    commonName.clear();
                    load();
                    Actions.success("Certificate " + created.thumbprint() + " generated"
                            + (created.active()
                                    ? " and active (it is the first)."
                                    : ". Send it to Scalepoint, then activate it."));
                });
    }

    String state(CertificateView certificate) {
        if (certificate.retiredAt() != null) {
            return "retired " + BrowserTime.format(certificate.retiredAt());
        }
        if (certificate.notAfter() != null && !certificate.notAfter().isAfter(clock.instant())) {
            return "expired";
        }
        return certificate.active() ? "active" : "ready";
    }

    boolean expiresSoon(CertificateView certificate) {
        return certificate.retiredAt() == null
                && certificate.notAfter() != null
                && certificate.notAfter().isBefore(clock.instant().plus(EXPIRY_WARNING));
    }

    HorizontalLayout actions(CertificateView certificate) {
        var row = new HorizontalLayout();
        row.setSpacing(true);
        if (certificate.retiredAt() == null) {
            var copy = new CopyButton("Copy base64", certificate.certificate());
            copy.setId("copy-" + certificate.thumbprint());
            var der = Base64.getDecoder().decode(certificate.certificate());
            DownloadHandler file = event -> {
                event.setFileName("ordergate-" + certificate.thumbprint() + ".cer");
                event.setContentType("application/pkix-cert");
                event.setContentLength(der.length);
                event.getOutputStream().write(der);
            };
            var download = new Anchor(file, "Download .cer");
            download.getElement().setAttribute("download", true);
            download.setId("download-" + certificate.thumbprint());
            row.add(copy, download);
        }
        if (admin && certificate.retiredAt() == null && !certificate.active()) {
            var activate = new Button(
                    "Activate",
                    click -> Confirm.ask(
                            "confirm-activate",
                            "Activate " + certificate.thumbprint() + "?",
                            "Token requests are signed with this certificate from now on. "
                                    + "Scalepoint must already have it, or every fetch fails until it does.",
                            "Activate",
                            false,
                            () -> Actions.attempt(() -> keys.activate(certificate.thumbprint(), CurrentUser.actor()))
                                    .ifPresent(done -> {
                                        load();
                                        Actions.success(done.thumbprint() + " is active.");
                                    })));
            activate.setId("activate-" + certificate.thumbprint());
            activate.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var retire = new Button(
                    "Retire",
                    click -> Confirm.ask(
                            "confirm-retire",
                            "Retire " + certificate.thumbprint() + "?",
                            "Its private key is wiped; this cannot be undone.",
                            "Retire",
                            true,
                            () -> Actions.attempt(() -> keys.retire(certificate.thumbprint(), CurrentUser.actor()))
                                    .ifPresent(done -> {
                                        load();
                                        Actions.success(done.thumbprint() + " is retired.");
                                    })));
            retire.setId("retire-" + certificate.thumbprint());
            retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            row.add(activate, retire);
        }
        return row;
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
