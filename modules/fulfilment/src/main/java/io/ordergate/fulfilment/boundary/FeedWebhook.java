package io.ordergate.fulfilment.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.fulfilment.control.FeedPush;
import io.ordergate.fulfilment.control.FeedPusher;
import io.ordergate.fulfilment.control.WebhookSecrets;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The optional push of the order feed (fulfilment spec §2): its signing secret, made and rotated by
 * an admin and shown once, and where the push stands. The receiver is configuration
 * ({@code ordergate.fulfilment.webhook-url}); {@code control.FeedPush} says how changes are sent.
 */
@Stateless
@DenyAll
public class FeedWebhook {

    @Inject
    WebhookSecrets secrets;

    @Inject
    FeedPush push;

    @Inject
    FeedPusher pusher;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ordergate.credentials.rotation-grace")
    Duration rotationGrace;

    /** A new secret; the one before it keeps signing for the rotation grace period. */
    @RolesAllowed(Roles.ADMIN)
    public WebhookSecret rotate(String actor) {
        var now = clock.instant();
        boolean hadOne = secrets.currentSince(now).isPresent();
        var graceEnd = now.plus(rotationGrace);
        var secret = secrets.rotate(actor, now, graceEnd);
        audit.record(AuditEntry.byUser(
                actor,
                "fulfilment.webhook.secret-issued",
                "fulfilment-webhook",
                null,
                hadOne ? Map.of("previousValidUntil", graceEnd.toString()) : Map.of()));
        return new WebhookSecret(secret, hadOne ? graceEnd : null);
    }

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public WebhookStatus status() {
        var state = push.state();
        return new WebhookStatus(
                pusher.url().orElse(null),
                secrets.currentSince(clock.instant()).orElse(null),
                state.pushedUpTo(),
                state.attempts(),
                state.nextAttemptAt(),
                state.lastStatus(),
                state.lastError());
    }
}
