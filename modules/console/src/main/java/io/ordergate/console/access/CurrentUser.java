package io.ordergate.console.access;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.ordergate.platform.boundary.Roles;
import jakarta.servlet.ServletException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The user of the current console request, as the container knows them. */
public final class CurrentUser {

    static final Logger LOG = Logger.getLogger(CurrentUser.class.getName());

    private CurrentUser() {}

    /** The logged-in user's name; empty when nobody is logged in. */
    public static Optional<String> name() {
        var request = VaadinRequest.getCurrent();
        return Optional.ofNullable(request == null ? null : request.getUserPrincipal())
                .map(p -> p.getName());
    }

    /** The name for the audit trail; views behind {@link AccessControl} always have one. */
    public static String actor() {
        return name().orElseThrow(() -> new IllegalStateException("No user is logged in"));
    }

    /** Whether the current user is an admin; false outside a request. */
    public static boolean isAdmin() {
        var request = VaadinRequest.getCurrent();
        return request != null && request.isUserInRole(Roles.ADMIN);
    }

    /** Whether the current user may change things (staff and admins); auditors only look. */
    public static boolean mayChange() {
        var request = VaadinRequest.getCurrent();
        return request != null && (request.isUserInRole(Roles.ADMIN) || request.isUserInRole(Roles.STAFF));
    }

    /** Whether the current user may open the view (the same rule {@link AccessControl} enforces). */
    public static boolean mayOpen(Class<?> view) {
        var request = VaadinRequest.getCurrent();
        return request != null
                && ViewAccess.decide(view, request.getUserPrincipal(), request::isUserInRole)
                        == ViewAccess.Decision.ALLOW;
    }

    /** Logs out: ends the login and the session, and shows the login page. */
    public static void logout() {
        UI.getCurrent().getPage().setLocation("login");
        try {
            VaadinServletRequest.getCurrent().getHttpServletRequest().logout();
        } catch (ServletException e) {
            // the session is invalidated below, which ends the login anyway
            LOG.log(Level.FINE, "Container logout failed", e);
        }
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
