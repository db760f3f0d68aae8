package io.ordergate.console.credentials;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.credentials.boundary.ScayleMerchantCredentials;
import io.ordergate.credentials.boundary.WebhookClients;
import io.ordergate.platform.boundary.PublicUrl;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.boundary.ScalepointCertificates;
import io.ordergate.scalepoint.boundary.ScalepointConnection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Supplier credentials: SCAYLE merchants, Scalepoint webhook clients and the Scalepoint connection,
 * one tab each ({@code ?tab=scayle|scalepoint-clients|scalepoint-connection}). Everyone may look;
 * only admins change anything, and the facades refuse everyone else whatever the page shows.
 */
@Route(value = "credentials", layout = MainLayout.class)
@PageTitle("Credentials · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class CredentialsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final List<String> TABS = List.of("scayle", "scalepoint-clients", "scalepoint-connection");

    final TabSheet tabs = new TabSheet();

    @Inject
    public CredentialsView(
            ScayleMerchantCredentials credentials,
            WebhookClients clients,
            ScalepointConnection connection,
            ScalepointCertificates certificates,
            PublicUrl urls,
            Clock clock) {
        setId("credentials");
        setSizeFull();
        boolean admin = CurrentUser.isAdmin();
        tabs.setId("credential-tabs");
        tabs.setWidthFull();
        tabs.add("SCAYLE merchants", new ScayleMerchantsPanel(credentials, urls, clock, admin));
        tabs.add(
                "Scalepoint webhook clients",
                new WebhookClientsPanel(clients, urls, clock, credentials.rotationGrace(), admin));
        tabs.add("Scalepoint connection", new ScalepointConnectionPanel(connection, certificates, clock, admin));
        add(new H2("Credentials"), tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var wanted = event.getLocation().getQueryParameters().getParameters().get("tab");
        if (wanted != null && !wanted.isEmpty() && TABS.contains(wanted.get(0))) {
            tabs.setSelectedIndex(TABS.indexOf(wanted.get(0)));
        }
    }
}
