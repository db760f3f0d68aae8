package io.ordergate.scayle.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.BadPartnerResponse;
import io.ordergate.platform.boundary.OutboundUrls;
import io.ordergate.platform.boundary.PartnerResponse;
import io.ordergate.platform.boundary.PartnerUnavailable;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scayle.control.AdminApiBodies;
import io.ordergate.scayle.control.AdminApiCalls;
import io.ordergate.scayle.control.AdminApiHttp;
import io.ordergate.scayle.control.AdminApiSettings;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The connection to SCAYLE's Admin API (fulfilment spec §6): base URL, access token (sealed with
 * the master key, never shown again nor logged), optional company id; and the test call that says
 * exactly what failed.
 */
@Stateless
@DenyAll
public class ScayleAdminApi {

    static final Logger LOG = Logger.getLogger(ScayleAdminApi.class.getName());

    static final Pattern COMPANY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    AdminApiSettings settings;

    @Inject
    AdminApiCalls calls;

    @Inject
    AdminApiHttp http;

    @Inject
    OutboundUrls outbound;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<AdminApiConnected> connected;

    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AdminApiConnectionView> view() {
        return settings.stored()
                .map(stored -> new AdminApiConnectionView(
                        stored.baseUrl(),
                        stored.companyId(),
                        stored.tokenSealed() != null && stored.tokenSealed().length > 0,
                        stored.tokenChangedAt(),
                        stored.updatedAt(),
                        stored.updatedBy()));
    }

    /**
     * Saves the connection. The token is required the first time; later, without one, the stored
     * token stays. Calls waiting for a connection are tried at once ({@link AdminApiConnected}).
     *
     * @throws ProblemException 400 naming what is wrong (a URL that is not https or not public)
     */
    @RolesAllowed(Roles.ADMIN)
    public AdminApiConnectionView update(String baseUrl, String accessToken, String companyId, String actor) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw bad("'baseUrl' is required.");
        }
        String url;
        try {
            url = outbound.check("'baseUrl'", baseUrl).toString();
        } catch (OutboundUrls.Refused e) {
            throw bad(e.getMessage());
        }
        var existing = settings.stored();
        if (accessToken != null
                && (accessToken.isBlank()
                        || accessToken.length() > 4096
                        || accessToken.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw bad("'accessToken' must be 1 to 4096 printable ASCII characters without spaces.");
        }
        if (accessToken == null && existing.isEmpty()) {
            throw bad("'accessToken' is required.");
        }
        if (companyId != null && !COMPANY_ID.matcher(companyId).matches()) {
            throw bad("'companyId' must be 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        settings.save(url, accessToken, companyId, now, actor);
        var detail = new HashMap<String, String>();
        detail.put("baseUrl", url);
        detail.put("accessTokenChanged", String.valueOf(accessToken != null));
        if (companyId != null) {
            detail.put("companyId", companyId);
        }
        audit.record(AuditEntry.byUser(actor, "scayle.admin-api.updated", "scayle-admin-api", url, detail));
        connected.fire(new AdminApiConnected(now));
        return view().orElseThrow();
    }

    /**
     * Reads the status of the most recently acknowledged SCAYLE order (order 1 of shop
     * {@code test} in {@code DE} when there is none yet): any answer but 401/403 is {@code ok}, as
     * the spec says; 401/403, no answer, no connection or a refused URL is not, with what failed.
     */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AdminApiTest test(String actor) {
        var result = run();
        var detail = new HashMap<String, String>();
        detail.put("ok", String.valueOf(result.ok()));
        if (result.error() != null) {
            detail.put("error", result.error().length() > 300 ? result.error().substring(0, 300) : result.error());
        }
        audit.record(new AuditEntry(
                AuditEntry.ACTOR_USER,
                actor,
                "scayle.admin-api.tested",
                result.ok() ? "ok" : "failed",
                "scayle-admin-api",
                settings.stored().map(AdminApiSettings.Stored::baseUrl).orElse("-"),
                null,
                null,
                null,
                detail));
        return result;
    }

    AdminApiTest run() {
        AdminApiSettings.Connection connection;
        try {
            connection = settings.connection();
        } catch (AdminApiSettings.NotConfigured e) {
            return new AdminApiTest(false, e.getMessage());
        }
        var target = calls.latestAcknowledged().orElse(null);
        var shopKey = target == null ? "test" : target.shopKey();
        var countryCode = target == null ? "DE" : target.countryCode();
        var orderId = target == null ? 1L : target.orderId();
        var call = "GET /shops/" + shopKey + "/countries/" + countryCode + "/orders/" + orderId + "/status";
        try {
            var response = http.status(connection, shopKey, countryCode, orderId);
            if (response.status() == 401 || response.status() == 403) {
                var errors = AdminApiBodies.errors(text(response));
                return new AdminApiTest(
                        false,
                        "SCAYLE's Admin API refused the access token"
                                + (connection.companyId() == null ? "" : " or the company id") + " ("
                                + response.status() + " to " + call + ")"
                                + (errors == null ? "." : ": " + AdminApiBodies.describe(errors)));
            }
            return new AdminApiTest(true, null);
        } catch (PartnerUnavailable e) {
            if (e.status() != null) {
                // SCAYLE answered (429, 5xx): it is there, and the test asks no more
                return new AdminApiTest(true, null);
            }
            return new AdminApiTest(false, unreachable(e) + " (" + call + ")");
        } catch (BadPartnerResponse e) {
            return new AdminApiTest(e.status() != 401 && e.status() != 403, e.getMessage());
        } catch (FaultToleranceException e) {
            return new AdminApiTest(false, "SCAYLE's Admin API did not answer " + call + " in time.");
        }
    }

    /**
     * What kept the test from getting an answer, by kind only: the network's own words (which could
     * tell a caller about ports and hosts inside) go to the server log, as for Scalepoint's test.
     */
    static String unreachable(PartnerUnavailable failure) {
        LOG.log(Level.INFO, "SCAYLE Admin API connection test: {0}", failure.getMessage());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "The TLS handshake with SCAYLE's Admin API failed (certificate or protocol not accepted).";
            }
            if (cause instanceof UnknownHostException) {
                return "The host of SCAYLE's Admin API could not be resolved.";
            }
        }
        var text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("sslexception") || text.contains("sslhandshakeexception") || text.contains("pkix")) {
            return "The TLS handshake with SCAYLE's Admin API failed (certificate or protocol not accepted).";
        }
        return text.contains("unknownhostexception")
                ? "The host of SCAYLE's Admin API could not be resolved."
                : "Could not connect to SCAYLE's Admin API (connection refused, reset or timed out).";
    }

    static String text(PartnerResponse response) {
        try {
            return response.utf8();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static ProblemException bad(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }
}
