package io.ordergate.fulfilment.control;

import io.ordergate.fulfilment.boundary.FeedChange;
import io.ordergate.platform.boundary.BadPartnerResponse;
import io.ordergate.platform.boundary.PartnerClients;
import io.ordergate.platform.boundary.PartnerUnavailable;
import io.ordergate.platform.boundary.RetryAfter;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pushes the feed to the configured receiver in position order, one change after the other, each
 * until it is taken with a 2xx (fulfilment spec §2: the feed stays the source of truth).
 *
 * <p>Why not one job per change on the job queue: its workers run jobs in parallel and retry each on
 * its own, so a receiver would see changes out of order, version 3 of an order before version 2.
 * Here the single row of {@code ful_push} is the cursor and the lease: a node takes it with
 * {@code FOR UPDATE SKIP LOCKED} (one node pushes at a time, the others skip), delivers the changes
 * after it in order, and moves it past each change the receiver took. A failure (no answer, or
 * anything but 2xx) stops the run and waits, doubling from 1 s up to 5 minutes, at least as long as
 * a {@code Retry-After} asks; the same change is sent again with the same {@code webhook-id}, so
 * the receiver can tell a retry from a new change.
 */
@Stateless
public class FeedPush {

    static final int BATCH = 50;
    static final PartnerClients.Timeouts TIMEOUTS =
            new PartnerClients.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** The most of a receiver's answer that is read (its body is not used). */
    static final int MAX_ANSWER = 64 * 1024;

    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final int MAX_ERROR = 500;

    static final String TAKE = """
            SELECT last_position, attempts, next_attempt_at, last_status, last_error FROM ful_push FOR UPDATE SKIP LOCKED""";

    static final String RECORD = """
            UPDATE ful_push SET last_position = ?1, attempts = ?2, next_attempt_at = CAST(?3 AS timestamptz),
                   last_status = CAST(?4 AS integer), last_error = CAST(?5 AS text),
                   updated_at = CAST(?6 AS timestamptz)""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Feed feed;

    @Inject
    WebhookSecrets secrets;

    @Inject
    Clock clock;

    @Inject
    PartnerClients clients;

    /** Where the push stands, for staff. */
    public record State(long pushedUpTo, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError) {}

    /**
     * One run: the next changes after the cursor, in order, until one is not taken.
     *
     * @return how many the receiver took; 0 also when another node is pushing or the push waits
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int run(URI target) {
        var now = clock.instant();
        var taken = SqlRow.first(em.createNativeQuery(TAKE));
        if (taken.isEmpty()) {
            return 0;
        }
        var row = taken.get();
        var next = row.instant("next_attempt_at");
        if (next != null && next.isAfter(now)) {
            return 0;
        }
        var signing = secrets.valid(now);
        long position = row.longValue("last_position");
        int attempts = row.integer("attempts");
        if (signing.isEmpty()) {
            record(
                    position,
                    attempts,
                    now.plusSeconds(5),
                    null,
                    "No signing secret yet: an admin creates one (POST /api/admin/fulfilment/webhook/secret).",
                    now);
            return 0;
        }
        var client = clients.client(WebhookTarget.class, target, TIMEOUTS);
        List<FeedChange> changes = feed.read(position, BATCH);
        if (changes.isEmpty()) {
            if (row.string("last_error") != null) {
                // what stopped the push is gone (a secret was made): say so, keep the last answer
                record(position, attempts, null, row.integer("last_status"), null, now);
            }
            return 0;
        }
        int delivered = 0;
        Integer status = null;
        for (var change : changes) {
            var body = payload(change, now);
            var id = "ordergate-feed-" + change.position();
            String error;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                var answer = clients.call(
                        "The feed's receiver",
                        MAX_ANSWER,
                        () -> client.deliver(
                                id,
                                String.valueOf(now.getEpochSecond()),
                                WebhookSigner.signature(signing, id, now.getEpochSecond(), body),
                                body));
                status = answer.status();
                if (answer.successful()) {
                    position = change.position();
                    attempts = 0;
                    delivered++;
                    continue;
                }
                error = "The receiver answered " + status + " to position " + change.position() + ".";
                retryAfter = answer.header("Retry-After").flatMap(value -> RetryAfter.parse(value, now));
            } catch (PartnerUnavailable | BadPartnerResponse e) {
                status = null;
                error = e.getMessage() + " (position " + change.position() + ")";
            }
            attempts++;
            var wait = backoff(attempts);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
                wait = retryAfter.get().compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : retryAfter.get();
            }
            record(position, attempts, now.plus(wait), status, error, now);
            return delivered;
        }
        record(position, attempts, null, status, null, now);
        return delivered;
    }

    void record(long position, int attempts, Instant nextAttempt, Integer status, String error, Instant now) {
        em.createNativeQuery(RECORD)
                .setParameter(1, position)
                .setParameter(2, attempts)
                .setParameter(3, nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .setParameter(4, status)
                .setParameter(5, error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR))
                .setParameter(6, Timestamp.from(now))
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public State state() {
        var row = SqlRow.first(em.createNativeQuery(
                        "SELECT last_position, attempts, next_attempt_at, last_status, last_error FROM ful_push"))
                .orElseThrow();
        return new State(
                row.longValue("last_position"),
                row.integer("attempts"),
                row.instant("next_attempt_at"),
                row.integer("last_status"),
                row.string("last_error"));
    }

    /** Standard Webhooks' shape: the type, when it was sent, and the change as the feed carries it. */
    static byte[] payload(FeedChange change, Instant now) {
        return ("{\"type\":\"" + change.kind() + "\",\"timestamp\":\"" + now + "\",\"data\":{\"position\":\""
                        + change.position() + "\",\"kind\":\"" + change.kind() + "\",\"order\":" + change.document()
                        + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static Duration backoff(int attempts) {
        var wait = Duration.ofSeconds(1L << Math.min(attempts - 1, 9));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
