package io.ordergate.scalepoint.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configuration of the Scalepoint integration. Whatever Scalepoint does not document (event
 * type header, payload version, scopes) is configuration with a documented default.
 */
@ApplicationScoped
public class ScalepointConfig {

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.token-url")
    String tokenUrl;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.order-data-url")
    String orderDataUrl;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.event-api-url")
    String eventApiUrl;

    /** The scopes of the token for the Event API (publishing and long polling); Scalepoint names "events". */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.event-scopes")
    String eventScopes;

    /** Not public at Scalepoint: the header that names a published event's type. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.event-type-header")
    String eventTypeHeader;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.payload-version")
    String payloadVersion;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.connect-timeout")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.read-timeout")
    Duration readTimeout;

    /** Order Data is untrusted input: a bigger response is refused, not stored. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.max-response-bytes")
    int maxResponseBytes;

    /**
     * An order can be announced a moment before Order Data knows it, so a 404 is retried this many
     * attempts, then the fetch is dead (visible, retried only by a person).
     */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.not-found-attempts")
    int notFoundAttempts;

    /** A cached token is renewed this long before it expires. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.token-refresh-margin")
    Duration tokenRefreshMargin;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.certificate-validity")
    Duration certificateValidity;

    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.receive-mode")
    String receiveMode;

    /** How long a long-poll request may stay open before we give up on it and ask again. */
    @Inject
    @ConfigProperty(name = "ordergate.scalepoint.long-poll-timeout")
    Duration longPollTimeout;

    public String tokenUrl() {
        return tokenUrl;
    }

    public String orderDataUrl() {
        return orderDataUrl;
    }

    public String eventApiUrl() {
        return eventApiUrl;
    }

    public String eventScopes() {
        return eventScopes;
    }

    public String eventTypeHeader() {
        return eventTypeHeader;
    }

    public String payloadVersion() {
        return payloadVersion;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    public int notFoundAttempts() {
        return notFoundAttempts;
    }

    public Duration tokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public Duration certificateValidity() {
        return certificateValidity;
    }

    public boolean longPoll() {
        return "long-poll".equalsIgnoreCase(receiveMode.trim());
    }

    public String receiveMode() {
        return receiveMode;
    }

    public Duration longPollTimeout() {
        return longPollTimeout;
    }
}
