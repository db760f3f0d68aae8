package io.ordergate.credentials.control;

import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles repeated authentication failures per bucket (a source, or a source and user name).
 * Failures are counted in one-minute windows, and a bucket is blocked once this window and the
 * previous one together hold the limit: every minute-long span lies within those two windows, so no
 * minute ever sees more failures than the limit, also a flood that straddles a window's end (fixed
 * windows alone would let twice the limit through there). The price is a block of up to two
 * minutes instead of one. A source is an IPv4 address or an IPv6 /64 ({@link #sourceKey}): one
 * host is usually given a whole /64, so counting its addresses one by one would throttle nothing.
 *
 * <p>The counters live in PostgreSQL so every node sees every failure. Buckets are stored as
 * SHA-256 hashes: the user name is whatever the caller sent, and raw input never lands in the
 * indexed column. A node remembers a block it learned from the database until the window ends, so
 * checking costs nothing on the hot path; a node that has not yet seen a failure of a blocked
 * bucket learns of the block with the next one. That memory holds at most {@link #MAX_BLOCKED}
 * entries and drops ended blocks whenever one is added.
 */
@Stateless
public class AuthThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_BLOCKED = 10_000;
    static final Map<String, Instant> BLOCKED_UNTIL = new ConcurrentHashMap<>();
    static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    static final String COUNT = """
            INSERT INTO cred_auth_failure (bucket, window_start, failures) VALUES (?1, ?2, 1)
            ON CONFLICT (bucket, window_start) DO UPDATE SET failures = cred_auth_failure.failures + 1
            RETURNING failures AS current, (SELECT p.failures FROM cred_auth_failure p
                WHERE p.bucket = ?1 AND p.window_start = ?3) AS previous""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ordergate.auth.failure-limit")
    int limit;

    /**
     * What a source address counts as: an IPv4 address as it is, an IPv6 address as its /64
     * ({@code 2001:db8:1:2::/64}), anything else (not an IP literal) as it is.
     */
    public static String sourceKey(String source) {
        if (source == null || !IPV6.matcher(source).matches()) {
            return source;
        }
        try {
            // Only hex digits, colons and dots reach here, so this parses a literal and never asks DNS.
            if (InetAddress.getByName(source) instanceof Inet6Address v6) {
                var bytes = v6.getAddress();
                var prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                            .append(':');
                }
                return prefix.append(":/64").toString();
            }
            return InetAddress.getByName(source).getHostAddress();
        } catch (UnknownHostException e) {
            return source;
        }
    }

    /**
     * How long a caller is still blocked, if it is: by its source as a whole, or by its source
     * together with the user name it presents.
     *
     * @param scope what is authenticated ({@code scayle}, {@code user}, {@code client}, {@code bearer}):
     *        separate counters
     * @param username the presented user name, or null when there is none
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Duration> blocked(String scope, String source, String username) {
        var sourceBucket = bucket(scope, source, null);
        return blocked(sourceBucket)
                .or(() -> username == null ? Optional.empty() : blocked(bucket(scope, source, username)));
    }

    /**
     * Counts one failure against the source and user name (the configured limit) and against the
     * source alone (ten times looser, so that one misconfigured merchant does not lock out every
     * merchant SCAYLE sends for from the same addresses). Committed whatever the caller does.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String scope, String source, String username) {
        // Counters only: a crash may lose the last moment's counts, so a refusal need not wait for a flush to disk.
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        if (username != null) {
            failed(bucket(scope, source, username), 1);
        }
        failed(bucket(scope, source, null), 10);
    }

    /** The stored form of a bucket: the hash of scope, source key and user name. */
    static String bucket(String scope, String source, String username) {
        var plain = scope + "\n" + sourceKey(source) + (username == null ? "" : "\n" + username);
        return Hashes.sha256Hex(plain.getBytes(StandardCharsets.UTF_8));
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
        var counts = SqlRow.first(em.createNativeQuery(COUNT)
                        .setParameter(1, bucket)
                        .setParameter(2, Timestamp.from(windowStart))
                        .setParameter(3, Timestamp.from(windowStart.minus(WINDOW))))
                .orElseThrow();
        blockedUntil(counts.integer("current"), (int) counts.count("previous"), limit * weight, windowStart)
                .ifPresent(until -> block(bucket, until, now));
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            em.createNativeQuery("DELETE FROM cred_auth_failure WHERE window_start < ?1")
                    .setParameter(1, Timestamp.from(now.minus(Duration.ofHours(1))))
                    .executeUpdate();
        }
    }

    /**
     * Until when a bucket is blocked, if it is: while this window's and the previous window's
     * failures together reach the limit, that is until the window in which, without further failures,
     * they no longer do.
     */
    static Optional<Instant> blockedUntil(int current, int previous, int limit, Instant windowStart) {
        if (current + previous < limit) {
            return Optional.empty();
        }
        // next window: this one's failures become the previous ones; the one after: none are left
        return Optional.of(windowStart.plus(current < limit ? WINDOW : WINDOW.multipliedBy(2)));
    }

    /**
     * Remembers a block, first dropping ended ones. Should the map still be full, an arbitrary block
     * is forgotten: the database still counts it, so the next failure of that bucket restores it.
     */
    static void block(String bucket, Instant until, Instant now) {
        if (BLOCKED_UNTIL.size() >= MAX_BLOCKED) {
            BLOCKED_UNTIL.values().removeIf(end -> !end.isAfter(now));
            var keys = BLOCKED_UNTIL.keySet().iterator();
            while (BLOCKED_UNTIL.size() >= MAX_BLOCKED && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
        BLOCKED_UNTIL.put(bucket, until);
    }
}
