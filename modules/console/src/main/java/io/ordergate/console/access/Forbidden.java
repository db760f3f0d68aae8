package io.ordergate.console.access;

/**
 * A logged-in user tried to open a view their roles do not allow. Vaadin creates it itself when a
 * navigation is rerouted to {@link ForbiddenView}, hence the no-argument constructor; the reason
 * travels as the navigation's message.
 */
public class Forbidden extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Forbidden() {
        super("You may not open this page.");
    }
}
