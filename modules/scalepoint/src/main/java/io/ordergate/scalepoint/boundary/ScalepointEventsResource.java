package io.ordergate.scalepoint.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.boundary.AuthenticationFailed;
import io.ordergate.credentials.boundary.RejectedRequests;
import io.ordergate.credentials.boundary.WebhookClients;
import io.ordergate.platform.boundary.ClientAddress;
import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.Meters;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.RequestBodies;
import io.ordergate.platform.boundary.Unavailable;
import io.ordergate.scalepoint.control.EventParser;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /api/scalepoint/events}: Scalepoint's Event API pushes events here with a bearer
 * token from our {@code /oauth/token}. 202 only after the event is stored; a redelivery is 202 too
 * and changes nothing. The token is checked from the header before a byte of the body is read.
 * Rejections are audited (those without a valid token through {@link RejectedRequests}) and
 * answered with problem+json.
 */
@Path("scalepoint/events")
public class ScalepointEventsResource {

    static final Logger LOG = Logger.getLogger(ScalepointEventsResource.class.getName());
    public static final String PLATFORM = "scalepoint";

    @Inject
    WebhookClients clients;

    @Inject
    ScalepointEventIntake intake;

    @Inject
    AuditTrail audit;

    @Inject
    RejectedRequests rejectedRequests;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.max-body-bytes")
    int maxBodyBytes;

    @Context
    HttpServletRequest http;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Meters meters;

    static final String ENDPOINT = "scalepoint-events";

    @POST
    public Response receive(@Context HttpHeaders headers, InputStream body) {
        var started = Instant.now();
        var source = clientAddress.of(http);
        String clientId = null;
        byte[] raw = null;
        try {
            try {
                clientId = clients.authenticateBearer(
                                headers.getHeaderString(HttpHeaders.AUTHORIZATION), PLATFORM, source)
                        .clientId();
            } catch (AuthenticationFailed e) {
                meters.authenticationFailed(ENDPOINT, e.reason());
                clientId = e.username();
                throw e;
            }
            RequestBodies.requireJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
            raw = RequestBodies.read(body, headers.getLength(), maxBodyBytes);
            var event = EventParser.parse(raw);
            var receipt = intake.receive(event, raw, clientId, source);
            meters.answered(ENDPOINT, receipt.duplicate() ? Meters.REPLAYED : Meters.CREATED, since(started));
            return Response.accepted(receipt).build();
        } catch (ProblemException e) {
            rejected(e, clientId, source, raw);
            meters.answered(ENDPOINT, Meters.outcomeOf(e.problem().status()), since(started));
            return e.problem().toResponse(e.headers());
        } catch (RuntimeException e) {
            var reference = UUID.randomUUID();
            LOG.log(
                    Unavailable.isStorageFailure(e) ? Level.WARNING : Level.SEVERE,
                    "Scalepoint event not stored, reference " + reference,
                    e);
            var problem = Unavailable.problem();
            meters.answered(ENDPOINT, Meters.UNAVAILABLE, since(started));
            return problem.problem().toResponse(problem.headers());
        }
    }

    static Duration since(Instant started) {
        return Duration.between(started, Instant.now());
    }

    void rejected(ProblemException e, String clientId, String source, byte[] raw) {
        var detail = new HashMap<String, String>();
        detail.put("status", String.valueOf(e.problem().status()));
        detail.put("detail", e.problem().detail());
        if (e instanceof AuthenticationFailed failed) {
            detail.put("reason", failed.reason());
        }
        if (raw != null) {
            detail.put("payloadSha256", Hashes.sha256Hex(raw));
            detail.put("payloadBytes", String.valueOf(raw.length));
        }
        try {
            var entry = new AuditEntry(
                    clientId == null ? AuditEntry.ACTOR_ANONYMOUS : AuditEntry.ACTOR_SYSTEM,
                    clientId == null ? source : clientId,
                    "scalepoint.event.rejected",
                    "rejected",
                    "scalepoint-webhook",
                    "events",
                    source,
                    null,
                    null,
                    detail);
            if (clientId == null) {
                // No valid token: anyone can send these, so a flood from one source is summarised.
                rejectedRequests.audit(entry);
            } else {
                audit.record(entry);
            }
        } catch (RuntimeException auditFailure) {
            if (!Unavailable.isStorageFailure(auditFailure)) {
                throw auditFailure;
            }
            LOG.log(Level.WARNING, "Could not audit a rejected Scalepoint event: {0}", String.valueOf(auditFailure));
        }
    }
}
