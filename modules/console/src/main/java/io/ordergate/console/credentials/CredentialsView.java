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
import io.ordergate.fulfilment.boundary.FeedWebhook;
import io.ordergate.platform.boundary.PublicUrl;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.boundary.ScalepointCertificates;
import io.ordergate.scalepoint.boundary.ScalepointConnection;
import io.ordergate.scayle.boundary.ScayleAdminApi;
import io.ordergate.scayle.boundary.ScayleMerchantSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Credentials and settings of whoever talks to OrderGate: SCAYLE merchants (with their settings),
 * Scalepoint webhook clients, the Scalepoint connection, the warehouse system's fulfilment API
 * clients, the order feed's push and the SCAYLE Admin API connection, one tab each
 * ({@code ?tab=scayle|scalepoint-clients|scalepoint-connection|fulfilment-clients|fulfilment-push|scayle-admin-api}).
 * Everyone may look; only admins change anything, and the facades refuse everyone else whatever
 * the page shows.
 */
@Route(value = "credentials", layout = MainLayout.class)
@PageTitle("Credentials · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class CredentialsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final List<String> TABS = List.of(
            "scayle",
            "scalepoint-clients",
            "scalepoint-connection",
            "fulfilment-clients",
            "fulfilment-push",
            "scayle-admin-api");

    final TabSheet tabs = new TabSheet();

    @Inject
    public CredentialsView(
            ScayleMerchantCredentials credentials,
            ScayleMerchantSettings settings,
            WebhookClients clients,
            ScalepointConnection connection,
            ScalepointCertificates certificates,
            FeedWebhook feedPush,
            ScayleAdminApi adminApi,
            PublicUrl urls,
            Clock clock) {
        setId("credentials");
        setSizeFull();
        boolean admin = CurrentUser.isAdmin();
        tabs.setId("credential-tabs");
        tabs.setWidthFull();
        var grace = credentials.rotationGrace();
        tabs.add("SCAYLE merchants", new ScayleMerchantsPanel(credentials, settings, urls, clock, admin));
        tabs.add(
                "Scalepoint webhook clients",
                new ApiClientsPanel(clients, ClientKind.scalepointWebhook(urls), urls, clock, grace, admin));
        tabs.add("Scalepoint connection", new ScalepointConnectionPanel(connection, certificates, clock, admin));
        tabs.add(
                "Fulfilment API clients",
                new ApiClientsPanel(clients, ClientKind.fulfilmentApi(urls), urls, clock, grace, admin));
        tabs.add("Fulfilment feed push", new FeedPushPanel(feedPush, clock, grace, admin));
        tabs.add("SCAYLE Admin API", new ScayleAdminApiPanel(adminApi, admin));
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
