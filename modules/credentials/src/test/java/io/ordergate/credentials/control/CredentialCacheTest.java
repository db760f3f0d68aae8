package io.ordergate.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.credentials.entity.ScayleCredential;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** One open transaction whose synchronisations run when the test says it committed. */
    static final class OpenTransaction implements TransactionSynchronizationRegistry {

        final List<Synchronization> synchronizations = new ArrayList<>();

        void commit() {
            synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    static ScayleCredential row(boolean revoked) {
        var credential =
                new ScayleCredential("scayle-0123456789abcdef", "m-1", new byte[32], NOW.minusSeconds(60), "admin");
        if (revoked) {
            credential.revoke(NOW, "admin");
        }
        return credential;
    }

    @Test
    void aRequestBetweenRevocationAndCommitCannotKeepTheCredentialCached() {
        var cache = new CredentialCache();
        var transaction = new OpenTransaction();
        cache.transactions = transaction;
        var committed = new ScayleCredential[] {row(false)};
        assertThat(cache.get("scayle-0123456789abcdef", NOW, name -> committed[0])
                        .validAt(NOW))
                .isTrue();

        // the revoking transaction evicts, then another request reads the row as still committed
        cache.evictAfterCommit("scayle-0123456789abcdef");
        assertThat(cache.get("scayle-0123456789abcdef", NOW.plusMillis(10), name -> committed[0])
                        .validAt(NOW))
                .isTrue();
        committed[0] = row(true);
        transaction.commit();

        var afterCommit = cache.get("scayle-0123456789abcdef", NOW.plusMillis(20), name -> committed[0]);
        assertThat(afterCommit.validAt(NOW.plusMillis(20)))
                .as("revoked at once after the commit")
                .isFalse();
    }

    @Test
    void withoutATransactionTheCredentialIsEvictedAtOnce() {
        var cache = new CredentialCache();
        var committed = new ScayleCredential[] {row(false)};
        cache.get("scayle-0123456789abcdef", NOW, name -> committed[0]);
        committed[0] = row(true);

        cache.evictAfterCommit("scayle-0123456789abcdef");

        assertThat(cache.get("scayle-0123456789abcdef", NOW, name -> committed[0])
                        .revokedAt())
                .isNotNull();
    }
}
