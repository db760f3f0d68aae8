package io.ordergate.audit.boundary;

import io.ordergate.platform.boundary.QueryParams;
import jakarta.ws.rs.QueryParam;

/**
 * The audit trail's filter as query parameters, shared by the list and the export so that both
 * read the same names the same way; {@code from} and {@code to} are ISO-8601 instants (400 when not).
 */
public class AuditFilterParams {

    @QueryParam("actor")
    String actor;

    @QueryParam("action")
    String action;

    @QueryParam("outcome")
    String outcome;

    @QueryParam("subjectType")
    String subjectType;

    @QueryParam("subjectKey")
    String subjectKey;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    public AuditFilter filter() {
        return new AuditFilter(
                actor,
                action,
                outcome,
                subjectType,
                subjectKey,
                QueryParams.instant("from", from),
                QueryParams.instant("to", to));
    }
}
