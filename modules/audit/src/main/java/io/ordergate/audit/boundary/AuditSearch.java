package io.ordergate.audit.boundary;

import io.ordergate.audit.control.AuditExport;
import io.ordergate.audit.control.AuditQueries;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reading the audit trail: filtered pages (newest first), one subject's whole history in the order
 * it happened, and a streamed walk over everything a filter matches for exports. Every query pages
 * in the database; nothing loads a whole table.
 */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditSearch {

    /** Counting beyond this is not worth a full scan: the total then reads "at least". */
    public static final long COUNT_LIMIT = 100_000;

    static final int HISTORY_LIMIT = 10_000;
    static final int STREAM_BATCH = 2_000;

    @Inject
    AuditQueries queries;

    @Inject
    AuditTrail trail;

    /** Newest first. {@code total} is exact up to {@link #COUNT_LIMIT}, and that limit beyond it. */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Page<AuditView> search(AuditFilter filter, Page.Request page) {
        return new Page<>(queries.page(filter, page.size(), page.offset()), queries.count(filter, COUNT_LIMIT));
    }

    /** Everything recorded about one subject (an order, a merchant, a job), oldest first. */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public List<AuditView> history(String subjectType, String subjectKey) {
        return queries.history(subjectType, subjectKey, HISTORY_LIMIT);
    }

    /**
     * Hands every matching record to {@code sink}, newest first, reading in batches by keyset, so
     * an export of a million records holds a few thousand in memory at a time.
     */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public long stream(AuditFilter filter, Consumer<AuditView> sink) {
        return queries.stream(filter, STREAM_BATCH, sink);
    }

    /**
     * Writes every record the filter matches to {@code out}, newest first, as {@code csv} (with a
     * header row) or {@code json} (an array), and records who exported what.
     *
     * @return how many records were written
     */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public long export(AuditFilter filter, String format, OutputStream out, String actor) throws IOException {
        if (!"csv".equals(format) && !"json".equals(format)) {
            throw new ProblemException(400, "Bad Request", "format must be csv or json.");
        }
        trail.record(
                AuditEntry.byUser(actor, "audit.exported", "audit-trail", format, Map.of("filter", filter.toString())));
        try (var export = "csv".equals(format) ? AuditExport.csv(out) : AuditExport.json(out)) {
            return stream(filter, export.sink());
        }
    }
}
