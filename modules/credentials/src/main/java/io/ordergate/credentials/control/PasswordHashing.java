package io.ordergate.credentials.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * PBKDF2 for user passwords, with a bound on how many derivations run at once.
 *
 * <p>Why the bound: each derivation costs tens of milliseconds of CPU, and anyone can ask for one
 * by sending a password. At most {@code ordergate.auth.hash-concurrency} run at once (default: the
 * number of cores); a caller waits at most {@code ordergate.auth.hash-wait} for a turn and is then
 * refused ({@link Busy}), so a flood costs a bounded share of the CPU and no unbounded queue.
 * Every derivation is counted ({@value #COUNTER}), so that one can see what refusals cost.
 */
@ApplicationScoped
public class PasswordHashing {

    public static final String COUNTER = "ordergate.auth.password.derivations";

    /**
     * 100,000 iterations: expensive for an offline attacker, yet an admin API call authenticating
     * with HTTP Basic on every request still answers in well under 100 ms.
     */
    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "100000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "ordergate.auth.hash-concurrency")
    int concurrency;

    @Inject
    @ConfigProperty(name = "ordergate.auth.hash-wait")
    Duration wait;

    Semaphore turns;
    Counter derivations;
    /** Verified against when the user does not exist, so that both cases cost the same. */
    private volatile String dummy;

    /** No derivation could start within the wait: the caller should answer 503 and let the client retry. */
    public static class Busy extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Busy() {
            super("Too many password checks at once", null, false, false);
        }
    }

    @PostConstruct
    void init() {
        hash.initialize(PARAMETERS);
        turns = new Semaphore(
                concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors());
        derivations = registry.counter(COUNTER);
    }

    /** A new salted hash of a password (user creation, password reset). */
    public String generate(String password) {
        return run(() -> hash.generate(password.toCharArray()));
    }

    /**
     * Checks a password against a stored hash, or against a hash no password matches when
     * {@code stored} is null (an unknown user), which costs the same.
     *
     * @throws Busy when no turn came within the wait
     */
    public boolean verify(String password, String stored) {
        var target = stored == null ? dummy() : stored;
        return run(() -> hash.verify(password == null ? new char[0] : password.toCharArray(), target));
    }

    String dummy() {
        if (dummy == null) {
            dummy = generate(Secrets.password());
        }
        return dummy;
    }

    <T> T run(Supplier<T> derivation) {
        try {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            derivations.inc();
            return derivation.get();
        } finally {
            turns.release();
        }
    }
}
