package io.ordergate.scalepoint.boundary;

import io.ordergate.scalepoint.control.EventIntake;
import io.ordergate.scalepoint.control.ScalepointEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Events pushed to the webhook. {@link #receive} stores the event, and for {@code order_created}
 * creates the order and queues its fetch, all in one transaction: the caller answers 2xx only
 * after it committed. The event's identity and the order's primary key (the lower-case
 * orderToken) make redeliveries and duplicates create nothing new. The long poller feeds the same
 * pipeline ({@code control.EventIntake}).
 */
@Stateless
@DenyAll
public class ScalepointEventIntake {

    @Inject
    EventIntake intake;

    /** @param clientId the webhook client that sent it (authenticated by the caller) */
    @PermitAll
    public EventReceipt receive(ScalepointEvent event, byte[] raw, String clientId, String remote) {
        return intake.receive(event, raw, EventIntake.WEBHOOK, clientId, remote);
    }
}
