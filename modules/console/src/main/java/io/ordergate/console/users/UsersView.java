package io.ordergate.console.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.Confirm;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.SecretDialog;
import io.ordergate.console.ui.SecretDialog.Secret;
import io.ordergate.credentials.boundary.IssuedPassword;
import io.ordergate.credentials.boundary.UserAdministration;
import io.ordergate.credentials.boundary.UserInfo;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;

/**
 * Console and admin API users (admins only): create a user with a generated password shown once,
 * reset a password, change roles, disable and enable. The facade keeps at least one enabled admin.
 */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · OrderGate")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    static final Set<String> ROLES = new TreeSet<>(Set.of(Roles.ADMIN, Roles.STAFF, Roles.AUDITOR));

    final UserAdministration users;
    final Grid<UserInfo> grid = new Grid<>(UserInfo.class, false);

    @Inject
    public UsersView(UserAdministration users) {
        this.users = users;
        setId("users");
        setSizeFull();
        var username = new TextField("User name");
        username.setId("user-name");
        username.setHelperText("lower-case letters, digits, '.', '_' or '-'");
        var roles = new CheckboxGroup<String>("Roles");
        roles.setId("user-roles");
        roles.setItems(ROLES);
        roles.setValue(Set.of(Roles.STAFF));
        var create = new Button("Create user", click -> create(username, roles));
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var bar = new HorizontalLayout(username, roles, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("user-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserInfo::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", u.roles())).setHeader("Roles").setAutoWidth(true);
        grid.addColumn(u -> u.enabled() ? "enabled" : "disabled")
                .setHeader("State")
                .setAutoWidth(true);
        Grids.time(grid, "Created", UserInfo::createdAt);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        add(new H2("Users"), bar, grid);
        expand(grid);
        reload();
    }

    void reload() {
        grid.setItems(users.list());
    }

    HorizontalLayout actions(UserInfo user) {
        var roles = new Button("Roles", click -> editRoles(user));
        roles.setId("roles-" + user.username());
        var reset = new Button(
                "Reset password",
                click -> Confirm.ask(
                        "confirm-reset",
                        "Reset the password of " + user.username() + "?",
                        "A new password is generated and shown once; the current one stops " + "working at once.",
                        "Reset password",
                        false,
                        () -> Actions.attempt(() -> users.resetPassword(user.username(), CurrentUser.actor()))
                                .ifPresent(issued -> showPassword("New password for " + user.username(), issued))));
        reset.setId("reset-" + user.username());
        var toggle = new Button(user.enabled() ? "Disable" : "Enable", click -> {
            if (user.enabled()) {
                Confirm.ask(
                        "confirm-disable",
                        "Disable " + user.username() + "?",
                        "They cannot log in any more; "
                                + "an open console session of theirs ends with its next request.",
                        "Disable",
                        true,
                        () -> setEnabled(user, false));
            } else {
                setEnabled(user, true);
            }
        });
        toggle.setId((user.enabled() ? "disable-" : "enable-") + user.username());
        for (var button : new Button[] {roles, reset, toggle}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(roles, reset, toggle);
    }

    void create(TextField username, CheckboxGroup<String> roles) {
        if (roles.getValue().isEmpty()) {
            roles.setInvalid(true);
            roles.setErrorMessage("Choose at least one role");
            return;
        }
        roles.setInvalid(false);
        var name = username.getValue().trim();
        Actions.attempt(() -> users.create(name, roles.getValue(), CurrentUser.actor()))
                .ifPresent(issued -> {
                    username.clear();
                    reload();
                    showPassword("User " + name + " is created", issued);
                });
    }

    void editRoles(UserInfo user) {
        var dialog = new Dialog();
        dialog.setId("roles-dialog");
        dialog.setHeaderTitle("Roles of " + user.username());
        var roles = new CheckboxGroup<String>();
        roles.setId("roles-edit");
        roles.setItems(ROLES);
        roles.setValue(user.roles());
        dialog.add(roles);
        var save = new Button("Save", click -> {
            if (roles.getValue().isEmpty()) {
                roles.setInvalid(true);
                roles.setErrorMessage("Choose at least one role");
                return;
            }
            Actions.attempt(() -> users.changeRoles(user.username(), roles.getValue(), CurrentUser.actor()))
                    .ifPresent(changed -> {
                        dialog.close();
                        reload();
                        Actions.success(changed.username() + " now has " + String.join(", ", changed.roles())
                                + ". The change applies to their next request.");
                    });
        });
        save.setId("roles-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    void setEnabled(UserInfo user, boolean enabled) {
        Actions.attempt(() -> users.setEnabled(user.username(), enabled, CurrentUser.actor()))
                .ifPresent(changed -> {
                    reload();
                    Actions.success(changed.username() + " is " + (changed.enabled() ? "enabled" : "disabled") + ".");
                });
    }

    void showPassword(String title, IssuedPassword issued) {
        SecretDialog.show(
                title,
                "Give these to " + issued.user().username() + " in person or over a secure channel.",
                new Secret("User name", "issued-user-name", issued.user().username()),
                new Secret("Password", "issued-user-password", issued.password()));
    }
}
