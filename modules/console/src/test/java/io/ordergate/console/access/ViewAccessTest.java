package io.ordergate.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.ordergate.console.dashboard.DashboardView;
import io.ordergate.console.delegations.DelegationDetailView;
import io.ordergate.console.delegations.DelegationsView;
import io.ordergate.console.users.UsersView;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ViewAccessTest {

    static final Principal ALICE = () -> "alice";

    @AnonymousAllowed
    static class Open {}

    @PermitAll
    static class AnyUser {}

    @RolesAllowed({"admin", "auditor"})
    static class AdminsAndAuditors {}

    @DenyAll
    @PermitAll
    static class Nobody {}

    static class Unannotated {}

    static class Failure implements HasErrorParameter<IllegalStateException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<IllegalStateException> parameter) {
            return 500;
        }
    }

    static Predicate<String> roles(String... roles) {
        return Set.of(roles)::contains;
    }

    @Test
    void anonymousViewsAndErrorViewsOpenForEveryone() {
        assertThat(ViewAccess.decide(Open.class, null, roles())).isEqualTo(ViewAccess.Decision.ALLOW);
        assertThat(ViewAccess.decide(Failure.class, null, roles())).isEqualTo(ViewAccess.Decision.ALLOW);
        assertThat(ViewAccess.decide(LoginView.class, null, roles())).isEqualTo(ViewAccess.Decision.ALLOW);
    }

    @Test
    void everythingElseAsksAnonymousCallersToLogIn() {
        for (var view : new Class<?>[] {AnyUser.class, AdminsAndAuditors.class, Nobody.class, Unannotated.class}) {
            assertThat(ViewAccess.decide(view, null, roles("admin")))
                    .as(view.getSimpleName())
                    .isEqualTo(ViewAccess.Decision.LOGIN);
        }
    }

    @Test
    void rolesAllowedNeedsOneOfTheRoles() {
        assertThat(ViewAccess.decide(AdminsAndAuditors.class, ALICE, roles("auditor")))
                .isEqualTo(ViewAccess.Decision.ALLOW);
        assertThat(ViewAccess.decide(AdminsAndAuditors.class, ALICE, roles("staff")))
                .isEqualTo(ViewAccess.Decision.DENY);
        assertThat(ViewAccess.decide(AdminsAndAuditors.class, ALICE, roles())).isEqualTo(ViewAccess.Decision.DENY);
    }

    @Test
    void permitAllOpensForAnyLoggedInUserButDenyAllWins() {
        assertThat(ViewAccess.decide(AnyUser.class, ALICE, roles())).isEqualTo(ViewAccess.Decision.ALLOW);
        assertThat(ViewAccess.decide(Nobody.class, ALICE, roles("admin"))).isEqualTo(ViewAccess.Decision.DENY);
    }

    @Test
    void aViewWithoutAnnotationIsClosedEvenToAdmins() {
        assertThat(ViewAccess.decide(Unannotated.class, ALICE, roles("admin", "staff", "auditor")))
                .isEqualTo(ViewAccess.Decision.DENY);
    }

    @Test
    void theConsoleViewsOpenForTheirRoles() {
        for (var view : new Class<?>[] {DashboardView.class, DelegationsView.class, DelegationDetailView.class}) {
            for (var role : new String[] {"admin", "staff", "auditor"}) {
                assertThat(ViewAccess.decide(view, ALICE, roles(role)))
                        .as(view.getSimpleName() + " for " + role)
                        .isEqualTo(ViewAccess.Decision.ALLOW);
            }
        }
        assertThat(ViewAccess.decide(UsersView.class, ALICE, roles("admin"))).isEqualTo(ViewAccess.Decision.ALLOW);
        assertThat(ViewAccess.decide(UsersView.class, ALICE, roles("staff"))).isEqualTo(ViewAccess.Decision.DENY);
        assertThat(ViewAccess.decide(UsersView.class, ALICE, roles("auditor"))).isEqualTo(ViewAccess.Decision.DENY);
    }

    @Test
    void theRequirementNamesTheRoles() {
        assertThat(ViewAccess.requirement(AdminsAndAuditors.class)).isEqualTo("it needs the role admin or auditor");
        assertThat(ViewAccess.requirement(Unannotated.class)).isEqualTo("no role opens it");
    }
}
