package io.ordergate.scalepoint.control;

import io.ordergate.credentials.boundary.Vault;
import io.ordergate.platform.boundary.OutboundUrls;
import io.ordergate.scalepoint.entity.ClientCertificate;
import io.ordergate.scalepoint.entity.ConnectionSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every outbound call to Scalepoint starts from: the stored connection and active
 * certificate, resolved into {@link Settings} with the configured default URLs filled in and the
 * client secret or private key opened with the master key.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OutboundConnection {

    @PersistenceContext
    EntityManager em;

    @Inject
    Vault vault;

    @Inject
    ScalepointConfig config;

    @Inject
    OutboundUrls outbound;

    /** The stored connection settings, if staff have set them. */
    public Optional<ConnectionSettings> stored() {
        return Optional.ofNullable(em.find(ConnectionSettings.class, ConnectionSettings.ID));
    }

    /** The certificate OrderGate signs its token requests with, if any. */
    public Optional<ClientCertificate> activeCertificate() {
        return em.createNamedQuery(ClientCertificate.ACTIVE, ClientCertificate.class)
                .getResultStream()
                .findFirst();
    }

    /**
     * The resolved settings for a call to Scalepoint.
     *
     * @throws NotConnected with what staff must do, when OrderGate is not connected yet
     */
    public Settings settings() {
        var stored = stored().orElseThrow(() -> new NotConnected(
                "Scalepoint is not connected: set the connection " + "(PUT /api/admin/scalepoint/connection) first."));
        var tokenUrl = URI.create(tokenUrl(stored));
        var orderDataUrl = URI.create(orderDataUrl(stored));
        var eventApiUrl = URI.create(eventApiUrl(stored));
        // again before every call, whether staff or the configuration set them: DNS may have changed since
        try {
            outbound.check("Scalepoint's token URL", tokenUrl.toString());
            outbound.check("Scalepoint's Order Data URL", orderDataUrl.toString());
            outbound.check("Scalepoint's Event API URL", eventApiUrl.toString());
        } catch (OutboundUrls.Refused e) {
            throw new NotConnected("OrderGate does not call this URL: " + e.getMessage());
        }
        // Either a client secret or the active certificate's key authenticates OrderGate, never both.
        ClientCertificates.KeyAndCertificate key = null;
        String clientSecret = null;
        String credential;
        if (stored.withClientSecret()) {
            clientSecret = new String(
                    vault.open(ConnectionSettings.SECRET_PURPOSE, stored.clientSecretSealed()), StandardCharsets.UTF_8);
            credential = "secret";
        } else {
            var active = activeCertificate()
                    .orElseThrow(() -> new NotConnected("Scalepoint is connected without a "
                            + "client secret, but there is no active certificate: generate one (POST "
                            + "/api/admin/scalepoint/connection/certificates) and send it to Scalepoint."));
            key = new ClientCertificates.KeyAndCertificate(
                    ClientCertificates.privateKey(vault.open(active.keyPurpose(), active.privateKeySealed())),
                    ClientCertificates.certificate(active.certificateDer()));
            credential = active.thumbprint();
        }
        return new Settings(
                stored.clientId(),
                stored.scopes(),
                stored.tenant(),
                stored.country(),
                tokenUrl,
                orderDataUrl,
                eventApiUrl,
                key,
                clientSecret,
                Settings.version(stored.updatedAt(), credential));
    }

    /** The token URL in effect: the stored one, else the configured default. */
    public String tokenUrl(ConnectionSettings stored) {
        return stored.tokenUrl() == null ? config.tokenUrl() : stored.tokenUrl();
    }

    public String orderDataUrl(ConnectionSettings stored) {
        return stored.orderDataUrl() == null ? config.orderDataUrl() : stored.orderDataUrl();
    }

    public String eventApiUrl(ConnectionSettings stored) {
        return stored.eventApiUrl() == null ? config.eventApiUrl() : stored.eventApiUrl();
    }
}
