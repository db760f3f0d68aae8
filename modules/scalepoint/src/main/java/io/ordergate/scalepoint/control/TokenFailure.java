package io.ordergate.scalepoint.control;

import jakarta.ejb.ApplicationException;

/**
 * Scalepoint's Authorization Server refused to issue a token, or answered something that is not a
 * token. The message names the reason Scalepoint gave (its {@code error} and
 * {@code error_description}), never a secret.
 */
@ApplicationException(rollback = true)
public class TokenFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Integer status;

    public TokenFailure(Integer status, String message) {
        super(message);
        this.status = status;
    }

    public Integer status() {
        return status;
    }
}
