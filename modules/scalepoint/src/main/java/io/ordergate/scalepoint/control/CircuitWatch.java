package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.BadPartnerResponse;
import io.ordergate.platform.boundary.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What this node's calls to Scalepoint saw of the circuit breakers of {@link ScalepointApi}, and
 * when a breaker that refused a call lets calls through again. Fault Tolerance keeps the breakers
 * and does not say when one will half-open; it does so its {@code delay} after the failure that
 * opened it, and every call goes through {@link #call}, so the last failure seen plus the
 * configured delay is that moment. A refused call becomes {@link CircuitOpen} with that moment, and
 * the job queue defers the job until then instead of counting a failed attempt.
 *
 * <p>The Order Data breaker is also shown to staff (open from the first call it refused, closed
 * again with the first call that got an answer through) and, as the gauge
 * {@code ordergate.scalepoint.circuit.open} (1 open, 0 closed), to monitoring, where Fault
 * Tolerance's own {@code ft.circuitbreaker.state} appears only once the method was called.
 */
@ApplicationScoped
public class CircuitWatch {

    /** The guarded methods of {@link ScalepointApi}, each with a breaker of its own. */
    public enum Breaker {
        ORDER_DATA("Order Data", "fetchOrder"),
        TOKEN("the Scalepoint token endpoint", "requestToken"),
        EVENT_API("the Scalepoint Event API", "sendEvent");

        final String label;
        final String method;

        Breaker(String label, String method) {
            this.label = label;
            this.method = method;
        }
    }

    /** When a breaker refuses a call although its delay seems over (a late half-open), ask again after this. */
    static final Duration MIN_WAIT = Duration.ofSeconds(1);

    static final class Seen {
        final AtomicReference<Instant> lastFailure = new AtomicReference<>();
        final AtomicReference<Instant> openSince = new AtomicReference<>();
        volatile Duration delay;
    }

    private final Map<Breaker, Seen> seen = new EnumMap<>(Breaker.class);

    @Inject
    MetricRegistry registry;

    @Inject
    Config config;

    @Inject
    Clock clock;

    public CircuitWatch() {
        for (var breaker : Breaker.values()) {
            seen.put(breaker, new Seen());
        }
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(
                Metadata.builder()
                        .withName("ordergate.scalepoint.circuit.open")
                        .withDescription(
                                "1 while this node's Order Data calls are refused by the circuit breaker, else 0")
                        .build(),
                this,
                watch -> watch.openSince() == null ? 0 : 1);
    }

    /**
     * Makes a call through one of {@link ScalepointApi}'s breakers and notes what the breaker made
     * of it.
     *
     * @throws CircuitOpen when the breaker refused the call
     */
    public <T> T call(Breaker breaker, Supplier<T> call) {
        var state = seen.get(breaker);
        try {
            var result = call.get();
            state.openSince.set(null);
            return result;
        } catch (CircuitBreakerOpenException e) {
            var now = clock.instant();
            state.openSince.compareAndSet(null, now);
            throw new CircuitOpen(breaker.label, letsCallsThroughAt(breaker, now), e);
        } catch (BadPartnerResponse | RateLimited e) {
            // An answer the breaker does not count (skipOn): the call got through.
            state.openSince.set(null);
            throw e;
        } catch (RuntimeException e) {
            state.lastFailure.set(clock.instant());
            throw e;
        }
    }

    /**
     * When the breaker will let calls through again, spread over a tenth of its delay so that the
     * jobs waiting for it do not all arrive in the same instant.
     */
    Instant letsCallsThroughAt(Breaker breaker, Instant now) {
        var delay = delay(breaker);
        var failure = seen.get(breaker).lastFailure.get();
        var at = (failure == null ? now : failure).plus(delay);
        if (at.isBefore(now.plus(MIN_WAIT))) {
            at = now.plus(MIN_WAIT);
        }
        return at.plusMillis(
                (long) (delay.toMillis() / 10.0 * ThreadLocalRandom.current().nextDouble()));
    }

    /** How long after the last failure or refusal seen an open breaker still pauses the refresh schedule, at least. */
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(1);

    /**
     * Whether the refresh schedule should queue no fetches on this node now: the Order Data breaker
     * refused a call and no call got through since. During an outage the waiting fetches try again
     * whenever the breaker half-opens and keep the failures fresh; once nothing failed or was refused for twice the
     * breaker's delay (a minute at least), the schedule queues fetches again, and they test
     * Scalepoint themselves.
     */
    public boolean orderDataRefusing(Instant now) {
        var state = seen.get(Breaker.ORDER_DATA);
        var open = state.openSince.get();
        if (open == null) {
            return false;
        }
        var failure = state.lastFailure.get();
        var last = failure == null || failure.isBefore(open) ? open : failure;
        var hold = delay(Breaker.ORDER_DATA).multipliedBy(2);
        return now.isBefore(last.plus(hold.compareTo(PAUSE_AFTER_FAILURE) < 0 ? PAUSE_AFTER_FAILURE : hold));
    }

    /** When the Order Data breaker was first seen open, or null while calls go through. */
    public Instant openSince() {
        return seen.get(Breaker.ORDER_DATA).openSince.get();
    }

    /**
     * The breaker's delay as Fault Tolerance resolves it: the method's key, the class's, the global
     * one (e.g. {@code CIRCUITBREAKER_DELAY}), then the annotation.
     */
    Duration delay(Breaker breaker) {
        var state = seen.get(breaker);
        if (state.delay == null) {
            var annotation = Arrays.stream(ScalepointApi.class.getDeclaredMethods())
                    .filter(method -> method.getName().equals(breaker.method))
                    .findFirst()
                    .map(method -> method.getAnnotation(CircuitBreaker.class))
                    .orElseThrow(() ->
                            new IllegalStateException("ScalepointApi." + breaker.method + " has no @CircuitBreaker"));
            long value = setting(breaker, "delay").map(Long::parseLong).orElse(annotation.delay());
            var unit = setting(breaker, "delayUnit").map(ChronoUnit::valueOf).orElse(annotation.delayUnit());
            state.delay = Duration.of(value, unit);
        }
        return state.delay;
    }

    private java.util.Optional<String> setting(Breaker breaker, String parameter) {
        var type = ScalepointApi.class.getName();
        for (var key : new String[] {
            type + "/" + breaker.method + "/CircuitBreaker/" + parameter,
            type + "/CircuitBreaker/" + parameter,
            "CircuitBreaker/" + parameter
        }) {
            var value = config.getOptionalValue(key, String.class);
            if (value.isPresent()) {
                return value.map(String::trim);
            }
        }
        return java.util.Optional.empty();
    }
}
