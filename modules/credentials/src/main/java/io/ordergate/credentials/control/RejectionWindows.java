package io.ordergate.credentials.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.platform.boundary.SqlRow;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the audit trail of rejected unauthenticated requests bounded. Audit records are permanent,
 * so anyone who can send requests could otherwise fill the disk and bury real events: per source
 * ({@link AuthThrottle#sourceKey}) and window only the first {@code ordergate.auth.rejections-audited}
 * are audited one by one; the others are only counted in {@code cred_rejection_window}, and once the
 * window is over {@link #summarise} writes one record with their number and deletes the row.
 */
@Stateless
public class RejectionWindows {

    public static final String SUMMARY_ACTION = "anonymous.requests.rejected";

    static final String COUNT = """
            INSERT INTO cred_rejection_window (source_key, window_start, rejections, first_at, last_at)
            VALUES (?1, ?2, 1, ?3, ?3)
            ON CONFLICT (source_key, window_start) DO UPDATE
            SET rejections = cred_rejection_window.rejections + 1,
                last_at = greatest(cred_rejection_window.last_at, excluded.last_at)
            RETURNING rejections""";

    /**
     * Takes the ended windows: each row is summarised exactly once, because the delete commits with
     * the summaries (a node that deletes concurrently finds the rows gone).
     */
    static final String TAKE_ENDED = """
            DELETE FROM cred_rejection_window
            WHERE source_key IN (SELECT source_key FROM cred_rejection_window WHERE window_start < ?1
                                 ORDER BY window_start LIMIT ?2)
              AND window_start < ?1
            RETURNING source_key, window_start, rejections, first_at, last_at""";

    /** Bounds one run, so that a flood's backlog is worked off in steps. */
    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ordergate.auth.rejections-audited")
    int audited;

    @Inject
    @ConfigProperty(name = "ordergate.auth.rejection-window")
    Duration window;

    /**
     * Counts a rejection of {@code source} and audits it while the source is within its allowance
     * in this window. Commits on its own, whatever the caller does.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rejected(AuditEntry entry) {
        var source = AuthThrottle.sourceKey(entry.source() == null ? "unknown" : entry.source());
        var now = clock.instant();
        var rejections = ((Number) em.createNativeQuery(COUNT)
                        .setParameter(1, source)
                        .setParameter(2, Timestamp.from(windowStart(now)))
                        .setParameter(3, Timestamp.from(now))
                        .getSingleResult())
                .intValue();
        if (rejections <= audited) {
            audit.record(entry);
        } else {
            // Only a counter changes: a flood's requests need not each wait for a flush to disk.
            em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        }
    }

    Instant windowStart(Instant at) {
        long millis = window.toMillis();
        return Instant.ofEpochMilli(at.toEpochMilli() - Math.floorMod(at.toEpochMilli(), millis));
    }

    /**
     * Writes one summary for each ended window whose source was rejected more often than audited
     * one by one, and forgets every ended window.
     *
     * @return how many windows were taken
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int summarise() {
        // A request that took its window just before the end may still count into it: a moment's grace.
        var ended = windowStart(clock.instant().minusSeconds(2));
        var rows = SqlRow.list(em.createNativeQuery(TAKE_ENDED)
                .setParameter(1, Timestamp.from(ended))
                .setParameter(2, BATCH));
        for (var row : rows) {
            int rejections = row.integer("rejections");
            if (rejections <= audited) {
                continue;
            }
            var source = row.string("source_key");
            var start = row.instant("window_start");
            audit.record(new AuditEntry(
                    AuditEntry.ACTOR_ANONYMOUS,
                    source,
                    SUMMARY_ACTION,
                    "summarised",
                    "source",
                    source,
                    source,
                    null,
                    null,
                    Map.of(
                            "rejections", String.valueOf(rejections),
                            "notAuditedIndividually", String.valueOf(rejections - audited),
                            "windowStart", start.toString(),
                            "windowEnd", start.plus(window).toString(),
                            "firstAt", row.instant("first_at").toString(),
                            "lastAt", row.instant("last_at").toString())));
        }
        return rows.size();
    }
}
