package io.ordergate.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the MicroProfile Rest Clients for partners (Scalepoint, SCAYLE's Admin API) and reads
 * their answers safely. Clients are built per base URL (staff may point a connection at the
 * sandbox without a restart), with connect and read timeouts (a Fault Tolerance timeout alone does
 * not end a blocking read), without following redirects (calls go only to the configured hosts),
 * and without the default exception mapper, so every status reaches the caller. Bodies are read up
 * to a limit and no further. Each integration passes its own timeouts and limit, from its own
 * configuration keys.
 */
@ApplicationScoped
public class PartnerClients {

    static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    /** How long to wait for a connection and for an answer. */
    public record Timeouts(Duration connect, Duration read) {}

    public <T> T client(Class<T> api, URI base, Timeouts timeouts, Object... providers) {
        var key = api.getName() + "|" + base + "|" + timeouts.connect().toMillis() + "|"
                + timeouts.read().toMillis();
        return api.cast(clients.computeIfAbsent(key, k -> {
            var builder = RestClientBuilder.newBuilder()
                    .baseUri(base)
                    .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS)
                    .followRedirects(false)
                    .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE);
            for (var provider : providers) {
                builder.register(provider);
            }
            return builder.build(api);
        }));
    }

    /**
     * Makes the call and reads the whole answer.
     *
     * @param what names the partner API in error messages
     * @param maxResponseBytes a larger answer is refused, not read
     * @throws PartnerUnavailable when there was no HTTP answer (refused, timed out, reset)
     * @throws BadPartnerResponse when the body is larger than the limit
     */
    public PartnerResponse call(String what, int maxResponseBytes, Supplier<Response> call) {
        try (var response = call.get()) {
            return read(what, maxResponseBytes, response);
        } catch (ProcessingException e) {
            throw new PartnerUnavailable(null, what + " could not be reached: " + rootMessage(e), null, e);
        }
    }

    /**
     * Throws a 429 as {@link RateLimited} (with {@code rateLimitWait} when it named no Retry-After)
     * and a 5xx as {@link PartnerUnavailable}, each with the partner's Retry-After; returns every
     * other answer. Thrown so that circuit breakers count a 5xx (and can skip a 429).
     */
    public static PartnerResponse unlessUnavailable(
            String what, PartnerResponse response, Instant now, Duration rateLimitWait) {
        if (response.status() == 429 || response.status() >= 500) {
            var retryAfter = response.header("Retry-After")
                    .flatMap(value -> RetryAfter.parse(value, now))
                    .orElse(null);
            var message = what + " answered " + response.status()
                    + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)") + ": "
                    + response.excerpt();
            if (response.status() == 429) {
                throw new RateLimited(message, retryAfter == null ? rateLimitWait : retryAfter);
            }
            throw new PartnerUnavailable(response.status(), message, retryAfter, null);
        }
        return response;
    }

    /**
     * Whether a failure without an HTTP answer happened before the request could have been sent:
     * the name did not resolve, or nobody accepted the connection. Anything else (a read timeout, a
     * connection reset) may have reached the partner.
     */
    public static boolean beforeSending(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.ConnectException
                    || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException
                    || (cause instanceof java.net.SocketTimeoutException
                            && cause.getMessage() != null
                            && cause.getMessage()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .contains("connect"))) {
                return true;
            }
        }
        return false;
    }

    PartnerResponse read(String what, int limit, Response response) {
        var headers = new HashMap<String, List<String>>();
        response.getStringHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        if (response.getLength() > limit) {
            throw new BadPartnerResponse(
                    response.getStatus(),
                    what + " answered " + response.getStatus() + " with " + response.getLength()
                            + " bytes, more than the limit of " + limit + " bytes.");
        }
        if (!response.hasEntity()) {
            return new PartnerResponse(response.getStatus(), headers, new byte[0]);
        }
        try (InputStream in = response.readEntity(InputStream.class)) {
            var body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new BadPartnerResponse(
                        response.getStatus(),
                        what + " answered " + response.getStatus() + " with more than the limit of " + limit
                                + " bytes.");
            }
            return new PartnerResponse(response.getStatus(), headers, body);
        } catch (IOException e) {
            throw new PartnerUnavailable(null, what + " broke off its answer: " + rootMessage(e), null, e);
        }
    }

    public static String rootMessage(Throwable failure) {
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
