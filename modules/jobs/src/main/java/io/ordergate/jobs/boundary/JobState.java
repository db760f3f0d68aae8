package io.ordergate.jobs.boundary;

import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.ProblemException;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.util.Arrays;

/**
 * Where a job is, as staff see it; in JSON and in {@code ?state=} the lower-case name. The table
 * knows no {@code failing}: that is a {@code pending} job with at least one attempt behind it.
 */
@JsonbTypeAdapter(JobState.Json.class)
public enum JobState {
    /** Waiting for its first try. */
    PENDING,
    /** Waiting to be tried again after a failed attempt. */
    FAILING,
    RUNNING,
    SUCCEEDED,
    /** Given up: out of time or attempts, or failed permanently. Stays visible and can be retried. */
    DEAD;

    public static final class Json extends LowerCaseEnum<JobState> {
        public Json() {
            super(JobState.class);
        }
    }

    /**
     * A state as a caller names it; null or blank for none.
     *
     * @throws ProblemException 400 when it names no state
     */
    public static JobState named(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(values())
                .filter(state -> LowerCaseEnum.wire(state).equals(text))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        400,
                        "Invalid state",
                        "state must be one of "
                                + Arrays.stream(values())
                                        .map(LowerCaseEnum::wire)
                                        .toList() + "."));
    }

    /** The state of a row of the {@code job} table. */
    public static JobState of(String stored, int attempts) {
        var state = LowerCaseEnum.parse(JobState.class, stored);
        return state == PENDING && attempts > 0 ? FAILING : state;
    }

    public String wire() {
        return LowerCaseEnum.wire(this);
    }
}
