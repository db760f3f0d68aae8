package io.ordergate.console.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;

/**
 * The console's page shell. Server push lets a view show what happens in the background (an Order
 * Data refresh's progress) without the user reloading.
 *
 * <p>Long polling rather than WebSocket: over a WebSocket Vaadin sends the user's clicks through
 * the socket as well, outside the servlet requests that Jakarta Security authenticates, and
 * whether the caller then reaches the view access check ({@code isUserInRole}) and the facades'
 * {@code @RolesAllowed} depends on the container. Long polling keeps every client-to-server
 * message an ordinary, authenticated HTTP request (only the server's answers wait in a held-open
 * request), passes any proxy or load balancer in front of the nodes, and needs nothing from
 * Payara's WebSocket container. The cost, one held-open request per open tab, is small for a
 * back-office console.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
public class ConsoleShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
