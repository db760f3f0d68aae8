package io.ordergate.scalepoint.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the MicroProfile Rest Clients for Scalepoint and reads their answers safely. Clients are
 * built per base URL (staff may point a connection at the sandbox without a restart), with connect
 * and read timeouts (a Fault Tolerance timeout alone does not end a blocking read), without
 * following redirects (calls go only to the configured hosts), and without the default exception
 * mapper, so every status reaches the caller. Bodies are read up to a limit and no further.
 */
@ApplicationScoped
public class PartnerClients {

    static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    @Inject
    ScalepointConfig config;

    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    public <T> T client(Class<T> api, URI base, Duration readTimeout, Object... providers) {
        var key = api.getName() + "|" + base + "|" + readTimeout.toMillis();
        return api.cast(clients.computeIfAbsent(key, k -> {
            var builder = RestClientBuilder.newBuilder()
                    .baseUri(base)
                    .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
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
     * @throws PartnerUnavailable when there was no HTTP answer (refused, timed out, reset)
     * @throws BadPartnerResponse when the body is larger than the limit
     */
    public PartnerResponse call(String what, Supplier<Response> call) {
        try (var response = call.get()) {
            return read(what, response);
        } catch (ProcessingException e) {
            throw new PartnerUnavailable(null, what + " could not be reached: " + rootMessage(e), null, e);
        }
    }

    PartnerResponse read(String what, Response response) {
        var headers = new HashMap<String, List<String>>();
        response.getStringHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        int limit = config.maxResponseBytes();
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

    static String rootMessage(Throwable failure) {
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
