package io.ordergate.credentials.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * How long replaced credentials (SCAYLE merchants' and webhook clients') keep working after a
 * rotation: {@code ordergate.credentials.rotation-grace}. It used to be
 * {@code ordergate.scayle.rotation-grace}, though it always applied to both; installations that
 * still set the old key (or {@code ORDERGATE_SCAYLE_ROTATION_GRACE}) keep their value as long as
 * the new one is not set.
 */
@ApplicationScoped
public class RotationGrace {

    public static final String KEY = "ordergate.credentials.rotation-grace";
    /** The former key, read only when {@link #KEY} is not set. */
    public static final String FORMER_KEY = "ordergate.scayle.rotation-grace";
    public static final Duration DEFAULT = Duration.ofHours(48);

    @Inject
    Config config;

    Duration grace;

    @PostConstruct
    void read() {
        grace = resolve(key -> config.getOptionalValue(key, Duration.class));
    }

    public Duration get() {
        return grace;
    }

    /** The new key if set, else the former one, else {@link #DEFAULT}. */
    static Duration resolve(Function<String, Optional<Duration>> lookup) {
        return lookup.apply(KEY).or(() -> lookup.apply(FORMER_KEY)).orElse(DEFAULT);
    }
}
