package io.ordergate.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A partner answered, but with something we refuse to take: bigger than the limit, not UTF-8,
 * not JSON. Not a sign that the partner is down, so circuit breakers skip it.
 */
@ApplicationException(rollback = true)
public class BadPartnerResponse extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public BadPartnerResponse(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
