package io.ordergate.console.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.audit.AuditTrailView;
import io.ordergate.console.credentials.CredentialsView;
import io.ordergate.console.dashboard.DashboardView;
import io.ordergate.console.delegations.DelegationsView;
import io.ordergate.console.jobs.JobsView;
import io.ordergate.console.orders.OrdersView;
import io.ordergate.console.scalepoint.ScalepointOrdersView;
import io.ordergate.console.stock.StockView;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.users.UsersView;

/**
 * The console's shell: the navigation (only the views the user's roles open), who is logged in,
 * and logout. Learning the browser's time zone starts here, so views usually have it at hand.
 */
public class MainLayout extends AppLayout {

    private static final long serialVersionUID = 1L;

    public MainLayout() {
        var title = new Span("OrderGate");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        var user =
                new Span(VaadinIcon.USER.create(), new Span(CurrentUser.name().orElse("")));
        user.setId("current-user");
        user.getStyle()
                .set("display", "inline-flex")
                .set("gap", "var(--lumo-space-xs)")
                .set("align-items", "center");
        var logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> CurrentUser.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var bar = new HorizontalLayout(title, user, logout);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.setWidthFull();
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), bar);
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
        addAttachListener(attach -> BrowserTime.learn(attach.getUI()));
    }

    static SideNav navigation() {
        var nav = new SideNav();
        nav.setId("navigation");
        item(nav, "Dashboard", DashboardView.class, VaadinIcon.DASHBOARD);
        item(nav, "Orders", OrdersView.class, VaadinIcon.CLIPBOARD_CHECK);
        item(nav, "Delegations", DelegationsView.class, VaadinIcon.PACKAGE);
        item(nav, "Scalepoint orders", ScalepointOrdersView.class, VaadinIcon.CART);
        item(nav, "Stock", StockView.class, VaadinIcon.STOCK);
        item(nav, "Jobs", JobsView.class, VaadinIcon.TASKS);
        item(nav, "Credentials", CredentialsView.class, VaadinIcon.KEY);
        item(nav, "Audit", AuditTrailView.class, VaadinIcon.RECORDS);
        item(nav, "Users", UsersView.class, VaadinIcon.USERS);
        return nav;
    }

    static void item(SideNav nav, String label, Class<? extends Component> view, VaadinIcon icon) {
        if (CurrentUser.mayOpen(view)) {
            nav.addItem(new SideNavItem(label, view, icon.create()));
        }
    }
}
