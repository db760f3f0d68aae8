package io.ordergate.credentials.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles repeated authentication failures per bucket (a source address, or a source address and
 * user name) in fixed one-minute windows.
 *
 * <p>The counters live in PostgreSQL so every node sees every failure. A node remembers a block it
 * learned from the database until the window ends, so checking costs nothing on the hot path; a
 * node that has not yet seen a failure of a blocked bucket learns of the block with the next one.
 */
@Stateless
public class AuthThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Map<String, Instant> BLOCKED_UNTIL = new ConcurrentHashMap<>();

    static final String COUNT = """
            INSERT INTO cred_auth_failure (bucket, window_start, failures) VALUES (?1, ?2, 1)
            ON CONFLICT (bucket, window_start) DO UPDATE SET failures = cred_auth_failure.failures + 1
            RETURNING failures""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ordergate.auth.failure-limit", defaultValue = "10")
    int limit;

    /**
     * How long a caller is still blocked, if it is: by its source address as a whole, or by its
     * source address together with the user name it presents.
     *
     * @param scope what is authenticated ({@code scayle}, {@code user}): separate counters
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Duration> blocked(String scope, String source, String username) {
        return blocked(scope + ":" + source).or(() -> blocked(scope + ":" + source + ":" + username));
    }

    /**
     * Counts one failure against the source and user name (the configured limit) and against the
     * source alone (ten times looser, so that one misconfigured merchant does not lock out every
     * merchant SCAYLE sends for from the same addresses). Committed whatever the caller does.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String scope, String source, String username) {
        if (username != null) {
            failed(scope + ":" + source + ":" + username, 1);
        }
        failed(scope + ":" + source, 10);
    }

    Optional<Duration> blocked(String bucket) {
        var until = BLOCKED_UNTIL.get(bucket);
        var now = clock.instant();
        if (until == null) {
            return Optional.empty();
        }
        if (!until.isAfter(now)) {
            BLOCKED_UNTIL.remove(bucket, until);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    /** @param weight how many failures this bucket tolerates relative to the configured limit */
    void failed(String bucket, int weight) {
        var now = clock.instant();
        var windowStart = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % WINDOW.toMillis());
        var failures = ((Number) em.createNativeQuery(COUNT)
                .setParameter(1, bucket)
                .setParameter(2, Timestamp.from(windowStart))
                .getSingleResult()).intValue();
        if (failures >= limit * weight) {
            BLOCKED_UNTIL.put(bucket, windowStart.plus(WINDOW));
        }
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            em.createNativeQuery("DELETE FROM cred_auth_failure WHERE window_start < ?1")
                    .setParameter(1, Timestamp.from(now.minus(Duration.ofHours(1))))
                    .executeUpdate();
        }
    }
}
