package io.ordergate.scalepoint.control;

import java.net.URI;
import java.time.Instant;

/**
 * Everything an outbound call to Scalepoint needs, resolved: the connection row, the URLs
 * (configured defaults filled in) and the client authentication, either the active certificate's
 * key ({@code private_key_jwt}) or a client secret.
 *
 * @param version changes whenever the connection or the active certificate changes; cached
 *     tokens are keyed by it
 */
public record Settings(
        String clientId,
        String scopes,
        String tenant,
        String country,
        URI tokenUrl,
        URI orderDataUrl,
        URI eventApiUrl,
        ClientCertificates.KeyAndCertificate key,
        String clientSecret,
        String version) {

    public boolean privateKeyJwt() {
        return clientSecret == null;
    }

    @Override
    public String toString() {
        return "Settings[clientId=" + clientId + ", scopes=" + scopes + ", tokenUrl=" + tokenUrl + ", orderDataUrl="
                + orderDataUrl + ", eventApiUrl=" + eventApiUrl + ", authentication="
                + (privateKeyJwt() ? "private_key_jwt" : "client_secret") + ", version=" + version + "]";
    }

    /** A key for per-connection caches. */
    public String cacheKey(String scopeSet) {
        return version + "|" + scopeSet;
    }

    /** {@code credential}: the active certificate's thumbprint, or a marker for a client secret. */
    public static String version(Instant updatedAt, String credential) {
        return updatedAt.toEpochMilli() + ":" + credential;
    }
}
