package io.ordergate.console.access;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.util.function.Predicate;

/**
 * Who may open a view, read from its annotations: {@link AnonymousAllowed} anyone,
 * {@link PermitAll} any logged-in user, {@link RolesAllowed} a logged-in user with one of the roles,
 * {@link DenyAll} nobody. A view without any of them is closed to everybody, so a forgotten
 * annotation fails safe. Error views are open: they only say what went wrong.
 */
public final class ViewAccess {

    public enum Decision {
        ALLOW,
        /** nobody is logged in: log in first */
        LOGIN,
        /** the user is logged in but lacks the role */
        DENY
    }

    private ViewAccess() {}

    public static Decision decide(Class<?> view, Principal user, Predicate<String> inRole) {
        if (view.isAnnotationPresent(AnonymousAllowed.class) || HasErrorParameter.class.isAssignableFrom(view)) {
            return Decision.ALLOW;
        }
        if (user == null) {
            return Decision.LOGIN;
        }
        if (view.isAnnotationPresent(DenyAll.class)) {
            return Decision.DENY;
        }
        var roles = view.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            for (var role : roles.value()) {
                if (inRole.test(role)) {
                    return Decision.ALLOW;
                }
            }
            return Decision.DENY;
        }
        return view.isAnnotationPresent(PermitAll.class) ? Decision.ALLOW : Decision.DENY;
    }

    /** The roles a view asks for, for telling a refused user what is missing. */
    public static String requirement(Class<?> view) {
        var roles = view.getAnnotation(RolesAllowed.class);
        return roles == null ? "no role opens it" : "it needs the role " + String.join(" or ", roles.value());
    }
}
