package io.ordergate.console.users;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.credentials.boundary.AuthenticatedUser;
import io.ordergate.credentials.boundary.UserInfo;
import io.ordergate.credentials.boundary.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** The console and admin API users with their roles (admins only; managing them comes next). */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · OrderGate")
@RolesAllowed(AuthenticatedUser.ADMIN)
public class UsersView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final Grid<UserInfo> grid = new Grid<>(UserInfo.class, false);

    @Inject
    public UsersView(Users users) {
        setId("users");
        setSizeFull();
        grid.addColumn(UserInfo::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", u.roles())).setHeader("Roles").setAutoWidth(true);
        grid.addColumn(u -> u.enabled() ? "yes" : "no").setHeader("Enabled").setAutoWidth(true);
        grid.addColumn(u -> BrowserTime.format(u.createdAt())).setHeader("Created")
                .setTooltipGenerator(u -> BrowserTime.utc(u.createdAt())).setAutoWidth(true);
        grid.setItems(users.list());
        add(new H2("Users"), grid);
        expand(grid);
    }
}
