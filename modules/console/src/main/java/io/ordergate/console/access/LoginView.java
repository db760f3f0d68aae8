package io.ordergate.console.access;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.ordergate.credentials.boundary.UserAuthentication;
import io.ordergate.platform.boundary.ClientAddress;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.time.Duration;

/**
 * The console's login: Vaadin's {@link LoginForm} handing the credentials to Jakarta Security
 * ({@link SecurityContext#authenticate}), which checks them against the user store. After too many
 * failures the form says how long to wait instead of only "incorrect".
 */
@Route("login")
@PageTitle("Log in · OrderGate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext security;

    @Inject
    UserAuthentication users;

    @Inject
    ClientAddress clientAddress;

    final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setI18n(i18n(null));
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(this::login);
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.name().isPresent()) {
            event.forwardTo("");
        }
    }

    void login(LoginEvent event) {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        var response = VaadinServletResponse.getCurrent().getHttpServletResponse();
        var status = security.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(event.getUsername(), event.getPassword()))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            var session = UI.getCurrent().getSession();
            var next = (String) session.getAttribute(AccessControl.CONTINUE_TO);
            session.setAttribute(AccessControl.CONTINUE_TO, null);
            // A full page load, so that everything from here on runs as the logged-in user.
            UI.getCurrent().getPage().setLocation(next == null || next.isBlank() ? "." : next);
            return;
        }
        form.setI18n(i18n(users.loginBlocked(event.getUsername(), clientAddress.of(request))
                .orElse(null)));
        form.setError(true);
    }

    /** @param blocked how long logins stay refused, or null for a plain wrong password */
    static LoginI18n i18n(Duration blocked) {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("OrderGate console");
        i18n.getErrorMessage()
                .setTitle(blocked == null ? "Incorrect user name or password" : "Too many failed attempts");
        i18n.getErrorMessage()
                .setMessage(
                        blocked == null
                                ? "Check that you entered the correct user name and password and try again."
                                : "Logins for this user name from your address are paused; try again in "
                                        + Math.max(1, blocked.toSeconds() + 1) + " seconds.");
        return i18n;
    }
}
