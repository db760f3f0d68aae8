package io.ordergate.idempotency.boundary;

/**
 * The outcome of claiming an identity.
 *
 * @param outcome FIRST when this delivery created the record (the caller writes its business rows),
 *     REPLAY when the same content was seen before, CONFLICT when the identity was seen with
 *     different content
 * @param response the response to send: always the first delivery's
 */
public record Claim(Outcome outcome, StoredResponse response) {

    public enum Outcome {
        FIRST,
        REPLAY,
        CONFLICT;

        /** The lower-case name used in attempt records and the admin API. */
        public String label() {
            return switch (this) {
                case FIRST -> "created";
                case REPLAY -> "replayed";
                case CONFLICT -> "conflict";
            };
        }
    }

    public boolean first() {
        return outcome == Outcome.FIRST;
    }
}
