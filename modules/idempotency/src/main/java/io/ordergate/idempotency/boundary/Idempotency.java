package io.ordergate.idempotency.boundary;

import io.ordergate.idempotency.control.IdempotencyRecords;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.Optional;

/** First delivery versus replay, decided by the database, remembered permanently. */
@Stateless
@PermitAll
public class Idempotency {

    @Inject
    IdempotencyRecords records;

    /**
     * Claims {@code (scope, key)} for a request whose content hashes to {@code requestSha256}. When
     * the claim is first, {@code response} is stored as the answer for this identity forever;
     * otherwise the stored answer is returned. Must run inside the caller's transaction so that the
     * claim and the caller's business rows commit together.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Claim claim(String scope, String key, byte[] requestSha256, StoredResponse response) {
        if (records.insert(scope, key, requestSha256, response)) {
            return new Claim(Claim.Outcome.FIRST, response);
        }
        var stored = find(scope, key)
                .orElseThrow(() -> new IllegalStateException(
                        "idempotency record " + scope + " " + key + " vanished after a conflicting insert"));
        var outcome = MessageDigest.isEqual(stored.requestSha256(), requestSha256)
                ? Claim.Outcome.REPLAY
                : Claim.Outcome.CONFLICT;
        return new Claim(outcome, stored.response());
    }

    /**
     * Replaces the answer of a claim this transaction made first, for a caller that learns its answer
     * only after claiming (the SCAYLE acknowledgement waits for the stock it reserves, and reserving
     * before the claim would reserve for redeliveries too). Nobody has seen the provisional answer:
     * a concurrent delivery of the same identity waits for this transaction's row and reads what it
     * commits.
     *
     * @throws IllegalStateException for a claim that was not first
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Claim settle(String scope, String key, Claim claim, StoredResponse response) {
        if (!claim.first()) {
            throw new IllegalStateException("Only the first claim of " + scope + " " + key + " may settle its answer.");
        }
        records.update(scope, key, response);
        return new Claim(Claim.Outcome.FIRST, response);
    }

    /** The stored answer for an identity, if it was ever claimed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return records.find(scope, key);
    }
}
