package io.ordergate.scayle.boundary;

import io.ordergate.platform.boundary.BadPartnerResponse;
import io.ordergate.platform.boundary.PartnerClients;
import io.ordergate.platform.boundary.PartnerResponse;
import io.ordergate.platform.boundary.PartnerUnavailable;
import io.ordergate.platform.boundary.RateLimited;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scayle.control.AdminApiBodies;
import io.ordergate.scayle.control.AdminApiCalls;
import io.ordergate.scayle.control.AdminApiHttp;
import io.ordergate.scayle.control.AdminApiSettings;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Passes on to SCAYLE's Admin API what the warehouse reported (scayle.md §7): a shipment as
 * {@code POST /fulfillment/shipments}, a cancellation as {@code POST /fulfillment/cancellations},
 * a return as {@code POST /fulfillment/return-items}, addressed with what the stored delegation
 * says (shop, country, SCAYLE order id, each item's {@code orderItemId}).
 *
 * <p>SCAYLE has no idempotency key for these calls, so a call that may have reached SCAYLE without
 * an answer saying so is <em>in doubt</em>: a read timeout, a connection broken after the request
 * was written, a 5xx (SCAYLE may have stored it and failed afterwards), or a node that died
 * mid-call (the mark is committed before every POST leaves and cleared only by an answer that
 * settles it). The next attempt of a call in doubt first reads the order
 * ({@code GET /shops/{shopKey}/countries/{countryCode}/orders/{orderId}}) and posts again only
 * when the call's effect is not there ({@link AdminApiBodies#present}), so a package is never
 * reported twice. A 429, a refused connection and any other 4xx settle it: SCAYLE did not take it.
 */
@Stateless
@DenyAll
public class ScayleFulfilmentApi {

    static final String WHAT = "SCAYLE's Admin API";

    /** Longer than an attempt can take (two calls, each under a 30 s Fault Tolerance timeout). */
    static final Duration CLAIM = Duration.ofMinutes(2);

    static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

    @Inject
    AdminApiSettings settings;

    @Inject
    AdminApiCalls calls;

    @Inject
    AdminApiHttp http;

    @Inject
    Clock clock;

    /**
     * One attempt of a call; called by the job that owns it, at least once, with the same
     * {@code callKey} every time. Without a transaction: nothing is held while SCAYLE is asked.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AdminApiOutcome send(FulfilmentCall call) {
        AdminApiSettings.Connection connection;
        try {
            connection = settings.connection();
        } catch (AdminApiSettings.NotConfigured e) {
            return AdminApiOutcome.notConfigured(e.getMessage());
        }
        var key = call.callKey();
        var row = calls.open(call, clock.instant());
        if ("sent".equals(row.outcome()) || "found".equals(row.outcome())) {
            // SCAYLE has it: an earlier attempt's job outcome was lost (a node died before recording it)
            return AdminApiOutcome.sent(row.lastStatus() == null ? 200 : row.lastStatus());
        }
        // a call SCAYLE refused is tried again only when staff retry its dead job
        if (!calls.claim(key, clock.instant(), clock.instant().plus(CLAIM))) {
            return AdminApiOutcome.retry(null, "Another attempt of this call is still talking to SCAYLE.", CLAIM_WAIT);
        }
        var order = "scayle:" + call.merchantKey() + ":" + call.referenceKey();
        var target = calls.target(call.merchantKey(), call.referenceKey()).orElse(null);
        if (target == null) {
            return rejectedHere(
                    key, "The SCAYLE order " + order + " is unknown here or has no shopKey, countryCode or orderId.");
        }
        byte[] body;
        try {
            body = AdminApiBodies.body(call, target);
        } catch (IllegalArgumentException e) {
            return rejectedHere(key, "Cannot call SCAYLE for " + order + ": " + e.getMessage());
        }
        var post = AdminApiHttp.Post.valueOf(call.kind().toUpperCase(java.util.Locale.ROOT));
        if (row.inDoubt()) {
            var checked = checkBeforePosting(connection, call, target, post);
            if (checked != null) {
                return checked;
            }
        }
        calls.sending(key, clock.instant());
        try {
            var response = http.post(connection, post, body);
            if (response.successful()) {
                calls.answered(key, false, "sent", response.status(), null, null, clock.instant());
                return AdminApiOutcome.sent(response.status());
            }
            var errors = AdminApiBodies.errors(text(response));
            var error = WHAT + " refused " + post.call() + " (" + response.status() + "): "
                    + (errors == null ? response.excerpt() : AdminApiBodies.describe(errors));
            calls.answered(key, false, "rejected", response.status(), error, errors, clock.instant());
            return AdminApiOutcome.rejected(response.status(), error);
        } catch (RateLimited e) {
            calls.answered(key, false, null, 429, e.getMessage(), null, clock.instant());
            return AdminApiOutcome.retry(429, e.getMessage(), e.retryAfter());
        } catch (PartnerUnavailable e) {
            boolean inDoubt = e.status() != null || !PartnerClients.beforeSending(e);
            var error = e.getMessage()
                    + (inDoubt ? " The call may have reached SCAYLE: the next attempt reads the order first." : "");
            calls.answered(key, inDoubt, null, e.status(), error, null, clock.instant());
            return AdminApiOutcome.retry(e.status(), error, e.retryAfter());
        } catch (BadPartnerResponse e) {
            // SCAYLE answered, with more than we read: a 2xx took the call, anything else is unclear
            if (e.status() >= 200 && e.status() < 300) {
                calls.answered(key, false, "sent", e.status(), null, null, clock.instant());
                return AdminApiOutcome.sent(e.status());
            }
            calls.answered(key, true, null, e.status(), e.getMessage(), null, clock.instant());
            return AdminApiOutcome.retry(e.status(), e.getMessage(), null);
        } catch (BulkheadException e) {
            var error = "Too many calls to SCAYLE's Admin API at once; tried again later.";
            calls.answered(key, false, null, null, error, null, clock.instant());
            return AdminApiOutcome.retry(null, error, null);
        } catch (FaultToleranceException e) {
            var error = "SCAYLE's Admin API did not answer in time. The call may have reached SCAYLE: the next "
                    + "attempt reads the order first.";
            calls.answered(key, true, null, null, error, null, clock.instant());
            return AdminApiOutcome.retry(null, error, null);
        }
    }

    /**
     * Reads the order after an ambiguous attempt.
     *
     * @return the outcome when the call must not be posted now (it is there, or the read failed);
     *     null when it is not there and may be posted
     */
    AdminApiOutcome checkBeforePosting(
            AdminApiSettings.Connection connection,
            FulfilmentCall call,
            AdminApiBodies.Target target,
            AdminApiHttp.Post post) {
        var key = call.callKey();
        var reading = "Reading the order before posting again (the last attempt may have reached SCAYLE): ";
        try {
            var response = http.order(connection, target.shopKey(), target.countryCode(), target.orderId());
            if (response.successful()) {
                var present = AdminApiBodies.present(text(response), call, target);
                if (present.isEmpty()) {
                    var error = reading + "the answer is not an order as OrderGate expects it, so it cannot tell "
                            + "whether " + post.call() + " reached SCAYLE: " + response.excerpt();
                    calls.attempted(key, response.status(), error, clock.instant());
                    return AdminApiOutcome.retry(response.status(), error, null);
                }
                if (present.get()) {
                    calls.answered(key, false, "found", response.status(), null, null, clock.instant());
                    return AdminApiOutcome.sent(response.status());
                }
                return null;
            }
            if (response.status() == 404) {
                return null;
            }
            var errors = AdminApiBodies.errors(text(response));
            var error = reading + WHAT + " answered " + response.status() + ": "
                    + (errors == null ? response.excerpt() : AdminApiBodies.describe(errors));
            calls.answered(key, true, "rejected", response.status(), error, errors, clock.instant());
            return AdminApiOutcome.rejected(response.status(), error);
        } catch (PartnerUnavailable e) {
            calls.attempted(key, e.status(), reading + e.getMessage(), clock.instant());
            return AdminApiOutcome.retry(e.status(), reading + e.getMessage(), e.retryAfter());
        } catch (BadPartnerResponse e) {
            calls.attempted(key, e.status(), reading + e.getMessage(), clock.instant());
            return AdminApiOutcome.retry(e.status(), reading + e.getMessage(), null);
        } catch (FaultToleranceException e) {
            var error = reading + "SCAYLE's Admin API did not answer in time.";
            calls.attempted(key, null, error, clock.instant());
            return AdminApiOutcome.retry(null, error, null);
        }
    }

    private AdminApiOutcome rejectedHere(String key, String error) {
        calls.answered(key, false, "rejected", null, error, null, clock.instant());
        return AdminApiOutcome.rejected(null, error);
    }

    static String text(PartnerResponse response) {
        try {
            return response.utf8();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The calls of one SCAYLE order (its delegation's merchant and reference key), oldest first. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AdminApiCall> calls(String merchantKey, String referenceKey) {
        return calls.ofOrder(merchantKey, referenceKey);
    }

    /** One call by its key. */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<AdminApiCall> call(String callKey) {
        return calls.find(callKey);
    }
}
