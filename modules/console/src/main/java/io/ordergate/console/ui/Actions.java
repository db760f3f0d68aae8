package io.ordergate.console.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.ordergate.platform.boundary.ProblemException;
import jakarta.ejb.EJBAccessException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a user's action against a facade and turns every failure into a message the user can act
 * on: the facade's own explanation (a problem), a refusal for the role, or, for anything
 * unexpected, "not done" with a reference to find the details in the server log.
 */
public final class Actions {

    static final Logger LOG = Logger.getLogger(Actions.class.getName());

    private Actions() {}

    /** The action's result, or empty after the failure was shown. */
    public static <T> Optional<T> attempt(Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (ProblemException e) {
            error(e.problem().title() + ": " + e.problem().detail());
        } catch (EJBAccessException e) {
            error("Your role does not allow this.");
        } catch (RuntimeException e) {
            var reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.WARNING, "Console action failed (reference " + reference + ")", e);
            error("That did not work and nothing was changed. Reference for the server log: " + reference);
        }
        return Optional.empty();
    }

    /** Runs the action; true when it succeeded, false after the failure was shown. */
    public static boolean run(Runnable action) {
        return attempt(() -> {
                    action.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    public static void success(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        var note = Notification.show(message, 10000, Notification.Position.BOTTOM_START);
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
        note.setId("error-notification");
    }
}
