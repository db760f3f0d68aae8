package io.ordergate.credentials.control;

import io.ordergate.credentials.entity.ScayleCredential;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * SCAYLE credentials as read for authentication, kept for {@link #TTL} per node.
 *
 * <p>Why: every webhook call authenticated with a primary-key SELECT of its credential, one more
 * database round trip per request than the work itself needs. The credential row changes only on
 * rotation and revocation. This node evicts what it changes when the change commits; another node sees a
 * revocation or a shortened expiry at most {@code TTL} later (the bound), expiry times themselves
 * are checked against the clock on every call. Only existing credentials are kept, so unknown user
 * names cannot fill the cache; it is emptied when it reaches {@link #MAX_ENTRIES}.
 */
@ApplicationScoped
public class CredentialCache {

    public static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** What authentication needs of a credential, copied from the row at {@code loadedAt}. */
    public record Entry(
            String username,
            String merchantKey,
            byte[] secretHmac,
            Instant expiresAt,
            Instant revokedAt,
            Instant loadedAt) {

        public boolean validAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** The credential as read at most {@link #TTL} before {@code now}, or null when there is none. */
    public Entry get(String username, Instant now, Function<String, ScayleCredential> load) {
        var cached = entries.get(username);
        if (cached != null && cached.loadedAt().plus(TTL).isAfter(now)) {
            return cached;
        }
        var credential = load.apply(username);
        if (credential == null) {
            entries.remove(username);
            return null;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        var fresh = new Entry(
                credential.username(),
                credential.merchantKey(),
                credential.secretHmac(),
                credential.expiresAt(),
                credential.revokedAt(),
                now);
        entries.put(username, fresh);
        return fresh;
    }

    /**
     * Forgets a credential the current transaction changes, once that transaction has ended. Not
     * before: a request on another thread between the eviction and the commit would read the row as
     * it was and cache it for another {@link #TTL}. Without a transaction, at once.
     */
    public void evictAfterCommit(String username) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            entries.remove(username);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before; the row is not committed yet
            }

            @Override
            public void afterCompletion(int status) {
                // After a rollback too: the entry may have been read from the uncommitted change.
                entries.remove(username);
            }
        });
    }
}
