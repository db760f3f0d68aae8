package io.ordergate.credentials.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An RFC 6749 section 5.2 error of the token endpoint: {@code invalid_request},
 * {@code invalid_client} (401), {@code unsupported_grant_type}, {@code invalid_scope}.
 */
@ApplicationException(rollback = true)
public class TokenError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;
    private final String reason;

    public TokenError(String error, int status, String description, String reason) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.reason = reason;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    /** For the audit trail: what exactly was wrong (never a secret). */
    public String reason() {
        return reason;
    }
}
