package io.ordergate.audit.boundary;

import io.ordergate.audit.control.AuditExport;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

    static final String COLUMNS = "r.audit_id, r.occurred_at, r.actor_type, r.actor, r.action, r.outcome, "
            + "r.subject_type, r.subject_key, r.source, r.request_id, r.payload_ref, r.detail::text, s.seal_seq";
    static final String FROM = " FROM audit_record r LEFT JOIN audit_seal s ON s.audit_id = r.audit_id";
    /** Counting beyond this is not worth a full scan: the total then reads "at least". */
    public static final long COUNT_LIMIT = 100_000;
    static final int HISTORY_LIMIT = 10_000;
    static final int STREAM_BATCH = 2_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail trail;

    /** Newest first. {@code total} is exact up to {@link #COUNT_LIMIT}, and that limit beyond it. */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Page<AuditView> search(AuditFilter filter, Page.Request page) {
        var where = new ArrayList<Object>();
        var clause = where(filter, where);
        var rows = query("SELECT " + COLUMNS + FROM + clause + " ORDER BY r.occurred_at DESC, r.audit_id DESC "
                + "LIMIT " + page.size() + " OFFSET " + page.offset(), where);
        var count = em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM audit_record r" + clause + " LIMIT "
                + COUNT_LIMIT + ") limited");
        bind(count, where);
        return new Page<>(rows, ((Number) count.getSingleResult()).longValue());
    }

    /** Everything recorded about one subject (an order, a merchant, a job), oldest first. */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public List<AuditView> history(String subjectType, String subjectKey) {
        var parameters = new ArrayList<Object>(List.of(subjectType, subjectKey));
        return query("SELECT " + COLUMNS + FROM + " WHERE r.subject_type = ?1 AND r.subject_key = ?2 "
                + "ORDER BY r.occurred_at, r.audit_id LIMIT " + HISTORY_LIMIT, parameters);
    }

    /**
     * Hands every matching record to {@code sink}, newest first, reading in batches by keyset, so
     * an export of a million records holds a few thousand in memory at a time.
     */
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public long stream(AuditFilter filter, Consumer<AuditView> sink) {
        long written = 0;
        Instant beforeTime = null;
        long beforeId = 0;
        while (true) {
            var parameters = new ArrayList<Object>();
            var clause = new StringBuilder(where(filter, parameters));
            if (beforeTime != null) {
                parameters.add(Timestamp.from(beforeTime));
                parameters.add(beforeId);
                clause.append(clause.length() == 0 ? " WHERE " : " AND ").append("(r.occurred_at, r.audit_id) < (?")
                        .append(parameters.size() - 1).append(", ?").append(parameters.size()).append(")");
            }
            var batch = query("SELECT " + COLUMNS + FROM + clause + " ORDER BY r.occurred_at DESC, r.audit_id DESC "
                    + "LIMIT " + STREAM_BATCH, parameters);
            batch.forEach(sink);
            written += batch.size();
            if (batch.size() < STREAM_BATCH) {
                return written;
            }
            var last = batch.get(batch.size() - 1);
            beforeTime = last.occurredAt();
            beforeId = last.id();
            em.clear();
        }
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
        trail.record(AuditEntry.byUser(actor, "audit.exported", "audit-trail", format,
                Map.of("filter", filter.toString())));
        try (var export = "csv".equals(format) ? AuditExport.csv(out) : AuditExport.json(out)) {
            return stream(filter, export.sink());
        }
    }

    static String where(AuditFilter filter, List<Object> parameters) {
        var clause = new StringBuilder();
        condition(clause, parameters, "r.actor = ?", filter.actor());
        if (filter.action() != null && filter.action().endsWith("*")) {
            condition(clause, parameters, "r.action LIKE ?", filter.action().substring(0, filter.action().length() - 1)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        } else {
            condition(clause, parameters, "r.action = ?", filter.action());
        }
        condition(clause, parameters, "r.outcome = ?", filter.outcome());
        condition(clause, parameters, "r.subject_type = ?", filter.subjectType());
        condition(clause, parameters, "r.subject_key = ?", filter.subjectKey());
        condition(clause, parameters, "r.occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(clause, parameters, "r.occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        return clause.toString();
    }

    static void condition(StringBuilder clause, List<Object> parameters, String sql, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return;
        }
        parameters.add(value);
        clause.append(clause.length() == 0 ? " WHERE " : " AND ").append(sql.replace("?", "?" + parameters.size()));
    }

    List<AuditView> query(String sql, List<Object> parameters) {
        var query = em.createNativeQuery(sql);
        bind(query, parameters);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(AuditSearch::view).toList();
    }

    static void bind(jakarta.persistence.Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }

    static AuditView view(Object[] r) {
        JsonObject detail;
        try (var reader = Jsons.createReader(new StringReader((String) r[11]))) {
            detail = reader.readObject();
        }
        return new AuditView(((Number) r[0]).longValue(), ((Timestamp) r[1]).toInstant(), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                (String) r[9], (String) r[10], detail, r[12] == null ? null : ((Number) r[12]).longValue());
    }
}
