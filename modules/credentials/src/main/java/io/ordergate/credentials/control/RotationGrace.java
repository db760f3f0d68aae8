package io.ordergate.credentials.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long replaced credentials (SCAYLE merchants' and webhook clients') keep working after a
 * rotation: {@code ordergate.credentials.rotation-grace}. It used to be
 * {@code ordergate.scayle.rotation-grace}, though it always applied to both; the defaults file
 * gives the new key the value of the old one when that is set (a MicroProfile Config expression),
 * so installations that still set the old key or {@code ORDERGATE_SCAYLE_ROTATION_GRACE} keep
 * their value.
 */
@ApplicationScoped
public class RotationGrace {

    @Inject
    @ConfigProperty(name = "ordergate.credentials.rotation-grace")
    Duration grace;

    public Duration get() {
        return grace;
    }
}
