package io.ordergate.scayle.boundary;

import java.time.Duration;

/**
 * What one attempt of a {@link FulfilmentCall} came to.
 *
 * <ul>
 * <li>{@code SENT}: SCAYLE took it (2xx), or the order read after an ambiguous attempt shows it is there.
 * <li>{@code RETRY}: 429, 5xx, a timeout or no connection: try again, not before {@code retryAfter} when set.
 * <li>{@code REJECTED}: any other 4xx (or the order or an item is unknown here): SCAYLE will never
 * take it; {@code error} carries SCAYLE's {@code errors[]}.
 * <li>{@code NOT_CONFIGURED}: no attempt was made: there is no usable connection.
 * </ul>
 *
 * @param status SCAYLE's HTTP status, or null when there was no answer
 */
public record AdminApiOutcome(Result result, Integer status, String error, Duration retryAfter) {

    public enum Result {
        SENT,
        RETRY,
        REJECTED,
        NOT_CONFIGURED
    }

    static AdminApiOutcome sent(int status) {
        return new AdminApiOutcome(Result.SENT, status, null, null);
    }

    static AdminApiOutcome retry(Integer status, String error, Duration retryAfter) {
        return new AdminApiOutcome(Result.RETRY, status, error, retryAfter);
    }

    static AdminApiOutcome rejected(Integer status, String error) {
        return new AdminApiOutcome(Result.REJECTED, status, error, null);
    }

    static AdminApiOutcome notConfigured(String error) {
        return new AdminApiOutcome(Result.NOT_CONFIGURED, null, error, null);
    }
}
