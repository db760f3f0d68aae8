package io.ordergate.console.access;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import java.util.logging.Logger;

/**
 * Enforces {@link ViewAccess} on the server before any view opens, whether reached through the
 * navigation, a link or a URL typed by hand: not logged in → the login view (which returns to the
 * requested page afterwards); logged in without the role → {@link ForbiddenView} with 403. Hiding
 * navigation entries is only a convenience on top of this.
 *
 * <p>Registered with Vaadin through {@code META-INF/services}. Roles come from the container
 * ({@code HttpServletRequest.isUserInRole}), i.e. from the Jakarta Security login.
 */
public class AccessControl implements VaadinServiceInitListener, BeforeEnterListener {

    private static final long serialVersionUID = 1L;
    static final Logger LOG = Logger.getLogger(AccessControl.class.getName());
    /** Session attribute: where to go after logging in. */
    static final String CONTINUE_TO = AccessControl.class.getName() + ".continueTo";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this));
        // Vaadin closes a session idle for longer than the timeout (closeIdleSessions); the login
        // lives in the HTTP session, so it must end with it.
        event.getSource()
                .addSessionDestroyListener(
                        destroyed -> invalidate(destroyed.getSession().getSession()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var request = VaadinRequest.getCurrent();
        var target = event.getNavigationTarget();
        switch (ViewAccess.decide(target, request.getUserPrincipal(), request::isUserInRole)) {
            case ALLOW -> {}
            case LOGIN -> {
                event.getUI()
                        .getSession()
                        .setAttribute(CONTINUE_TO, event.getLocation().getPathWithQueryParameters());
                event.forwardTo(LoginView.class);
            }
            case DENY -> {
                LOG.info(() -> "Refused " + request.getUserPrincipal().getName() + " the view " + target.getName());
                event.rerouteToError(
                        Forbidden.class, "You may not open this page: " + ViewAccess.requirement(target) + ".");
            }
        }
    }

    static void invalidate(WrappedSession session) {
        if (session == null) {
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // the container expired it first, which is what we wanted
        }
    }
}
