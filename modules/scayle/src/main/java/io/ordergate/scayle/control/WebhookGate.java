package io.ordergate.scayle.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.boundary.AuthenticationFailed;
import io.ordergate.credentials.boundary.RejectedRequests;
import io.ordergate.credentials.boundary.ScayleCaller;
import io.ordergate.credentials.boundary.ScayleMerchantCredentials;
import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Meters;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.RequestBodies;
import io.ordergate.platform.boundary.Unavailable;
import io.ordergate.scayle.boundary.Inbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Everything a SCAYLE webhook request passes before the business logic: authentication (401/429),
 * content type (415), bounded body (413), validation (400) and the merchant check (403). Every
 * rejection is audited (reason, size and hash of the body; never the credentials) and nothing else
 * is stored for it; rejections before authentication through {@link RejectedRequests}, which keeps
 * a flood of them from one source to a few records and a summary.
 */
@ApplicationScoped
public class WebhookGate {

    static final Logger LOG = Logger.getLogger(WebhookGate.class.getName());
    static final Set<String> NOT_STORED_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
    static final int MAX_REQUEST_ID = 200;

    @Inject
    ScayleMerchantCredentials credentials;

    @Inject
    AuditTrail audit;

    @Inject
    RejectedRequests rejectedRequests;

    @Inject
    Clock clock;

    @Inject
    Meters meters;

    @Inject
    @ConfigProperty(name = "ordergate.scayle.max-body-bytes")
    int maxBodyBytes;

    /**
     * Takes what the request's headers say while still on the request thread (nothing here touches
     * the database or reads the body): the body is read only once its sender is authenticated.
     */
    public Received receive(HttpHeaders headers, String source, InputStream body) {
        return new Received(
                clock.instant(),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                requestId(headers),
                headersJson(headers),
                source,
                body,
                headers.getLength());
    }

    /**
     * A webhook request as received, its body not yet read. {@code declaredLength} is the
     * Content-Length, or -1.
     */
    public record Received(
            Instant receivedAt,
            String authorization,
            String contentType,
            String requestId,
            String headersJson,
            String source,
            InputStream body,
            long declaredLength) {

        @Override
        public String toString() {
            return "Received[requestId=" + requestId + ", source=" + source + "]";
        }
    }

    /**
     * Authenticates (401/429), then checks the content type (415) and reads the body within the
     * limit (413): in that order, so that only an authenticated caller learns more than
     * "unauthorized", and nobody else gets us to read a byte of a body.
     *
     * @param kind {@code delegation} or {@code cancellation}
     */
    public Inbound admit(String kind, Received request) {
        ScayleCaller caller;
        try {
            caller = credentials.authenticateScayle(request.authorization(), request.source());
        } catch (AuthenticationFailed e) {
            meters.authenticationFailed("scayle", e.reason());
            throw rejected(kind, e, e.username(), e.reason(), request.source(), request.requestId(), null);
        }
        try {
            RequestBodies.requireJson(request.contentType());
            var body = RequestBodies.read(request.body(), request.declaredLength(), maxBodyBytes);
            return new Inbound(
                    caller, body, request.requestId(), request.headersJson(), request.source(), request.receivedAt());
        } catch (ProblemException e) {
            throw rejected(kind, e, caller.username(), reasonOf(e), request.source(), request.requestId(), null);
        }
    }

    /** Parses and validates the body, and checks that it is for the caller's merchant. */
    public <T> T validate(String kind, Inbound inbound, Function<byte[], T> parser, Function<T, String> merchantOf) {
        T request;
        try {
            request = parser.apply(inbound.body());
        } catch (ProblemException e) {
            throw rejected(
                    kind,
                    e,
                    inbound.caller().username(),
                    "invalid",
                    inbound.source(),
                    inbound.requestId(),
                    inbound.body());
        }
        var merchant = merchantOf.apply(request);
        if (!merchant.equals(inbound.caller().merchantKey())) {
            throw rejected(
                    kind,
                    new ProblemException(
                            403,
                            "Forbidden",
                            "These credentials belong to merchant '"
                                    + inbound.caller().merchantKey() + "' and may not deliver for merchant '" + merchant
                                    + "'."),
                    inbound.caller().username(),
                    "wrong-merchant",
                    inbound.source(),
                    inbound.requestId(),
                    inbound.body());
        }
        return request;
    }

    ProblemException rejected(
            String kind,
            ProblemException problem,
            String username,
            String reason,
            String source,
            String requestId,
            byte[] body) {
        var detail = new HashMap<String, String>();
        detail.put("reason", reason);
        detail.put("status", String.valueOf(problem.problem().status()));
        detail.put("detail", problem.problem().detail());
        if (body != null) {
            detail.put("payloadSha256", Hashes.sha256Hex(body));
            detail.put("payloadBytes", String.valueOf(body.length));
        }
        try {
            var entry = new AuditEntry(
                    username == null ? AuditEntry.ACTOR_ANONYMOUS : AuditEntry.ACTOR_SCAYLE,
                    username == null ? source : username,
                    "scayle." + kind + ".rejected",
                    "rejected",
                    "scayle-webhook",
                    kind,
                    source,
                    requestId,
                    null,
                    detail);
            if (problem instanceof AuthenticationFailed) {
                // Anyone can send these: a flood from one source is summarised, not kept record by record.
                rejectedRequests.audit(entry);
            } else {
                audit.record(entry);
            }
        } catch (RuntimeException e) {
            if (!Unavailable.isStorageFailure(e)) {
                throw e;
            }
            // The sender must fix its request whatever our storage does; the answer stays the 4xx.
            LOG.log(Level.WARNING, "Could not audit a rejected SCAYLE {0} request: {1}", new Object[] {kind, e});
        }
        return problem;
    }

    static String reasonOf(ProblemException e) {
        return switch (e.problem().status()) {
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "unreadable";
        };
    }

    static String requestId(HttpHeaders headers) {
        var id = headers.getHeaderString("X-Request-Id");
        if (id == null) {
            return null;
        }
        return id.length() > MAX_REQUEST_ID ? id.substring(0, MAX_REQUEST_ID) : id;
    }

    static String headersJson(HttpHeaders headers) {
        var sorted = new TreeMap<String, String>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_STORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                sorted.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
            }
        });
        var json = Jsons.createObjectBuilder();
        sorted.forEach(json::add);
        return json.build().toString();
    }
}
