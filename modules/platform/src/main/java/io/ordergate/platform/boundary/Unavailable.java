package io.ordergate.platform.boundary;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Map;

/**
 * Recognises failures that mean "we could not persist right now" (database down, slow, pool
 * exhausted, transaction rolled back by the container) as opposed to programming errors.
 */
public final class Unavailable {

    /** Seconds a client is asked to wait before retrying after a 503. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private Unavailable() {}

    public static boolean isStorageFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof SQLTransientException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.startsWith("jakarta.persistence.")
                    || name.startsWith("org.eclipse.persistence.exceptions.")
                    || name.startsWith("jakarta.transaction.")
                    || name.startsWith("jakarta.resource.")
                    || name.contains("PoolingException")
                    || name.equals("jakarta.ejb.EJBTransactionRolledbackException")
                    || name.equals("jakarta.ejb.TransactionRolledbackLocalException")) {
                return true;
            }
        }
        return false;
    }

    public static ProblemException problem() {
        return new ProblemException(
                new Problem(
                        503,
                        "Service Unavailable",
                        "The request could not be stored right now; nothing was kept. Retry later."),
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
