package io.ordergate.scalepoint.control;

import jakarta.ejb.ApplicationException;

/** OrderGate cannot call Scalepoint yet: no connection settings, or no usable credentials. */
@ApplicationException(rollback = true)
public class NotConnected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotConnected(String message) {
        super(message);
    }
}
