package io.ordergate.audit.control;

import io.ordergate.audit.boundary.AuditFilter;
import io.ordergate.audit.boundary.AuditView;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SQL of reading the audit trail. Native, because the filters become one keyset- or
 * offset-paged statement over {@code audit_record} joined with its seal, with the {@code jsonb}
 * detail read as text, and because counting stops at a limit instead of scanning everything.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditQueries {

    static final String COLUMNS = "r.audit_id, r.occurred_at, r.actor_type, r.actor, r.action, r.outcome, "
            + "r.subject_type, r.subject_key, r.source, r.request_id, r.payload_ref, r.detail::text AS detail, "
            + "s.seal_seq";
    static final String FROM = " FROM audit_record r LEFT JOIN audit_seal s ON s.audit_id = r.audit_id";

    @PersistenceContext
    EntityManager em;

    /** One page, newest first. */
    public List<AuditView> page(AuditFilter filter, int size, long offset) {
        var parameters = new ArrayList<Object>();
        var clause = where(filter, parameters);
        return query(
                "SELECT " + COLUMNS + FROM + clause + " ORDER BY r.occurred_at DESC, r.audit_id DESC " + "LIMIT " + size
                        + " OFFSET " + offset,
                parameters);
    }

    /** How many records match, counting no further than {@code limit}. */
    public long count(AuditFilter filter, long limit) {
        var parameters = new ArrayList<Object>();
        var count = em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM audit_record r"
                + where(filter, parameters) + " LIMIT " + limit + ") limited");
        bind(count, parameters);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** One subject's records, oldest first, at most {@code limit}. */
    public List<AuditView> history(String subjectType, String subjectKey, int limit) {
        return query(
                "SELECT " + COLUMNS + FROM + " WHERE r.subject_type = ?1 AND r.subject_key = ?2 "
                        + "ORDER BY r.occurred_at, r.audit_id LIMIT " + limit,
                List.of(subjectType, subjectKey));
    }

    /**
     * Hands every matching record to {@code sink}, newest first, reading {@code batch} at a time by
     * keyset.
     *
     * @return how many were handed over
     */
    public long stream(AuditFilter filter, int batchSize, Consumer<AuditView> sink) {
        long written = 0;
        Instant beforeTime = null;
        long beforeId = 0;
        while (true) {
            var parameters = new ArrayList<Object>();
            var clause = new StringBuilder(where(filter, parameters));
            if (beforeTime != null) {
                parameters.add(Timestamp.from(beforeTime));
                parameters.add(beforeId);
                clause.append(clause.length() == 0 ? " WHERE " : " AND ")
                        .append("(r.occurred_at, r.audit_id) < (?")
                        .append(parameters.size() - 1)
                        .append(", ?")
                        .append(parameters.size())
                        .append(")");
            }
            var batch = query(
                    "SELECT " + COLUMNS + FROM + clause + " ORDER BY r.occurred_at DESC, r.audit_id DESC " + "LIMIT "
                            + batchSize,
                    parameters);
            batch.forEach(sink);
            written += batch.size();
            if (batch.size() < batchSize) {
                return written;
            }
            var last = batch.get(batch.size() - 1);
            beforeTime = last.occurredAt();
            beforeId = last.id();
            em.clear();
        }
    }

    static String where(AuditFilter filter, List<Object> parameters) {
        var clause = new StringBuilder();
        condition(clause, parameters, "r.actor = ?", filter.actor());
        if (filter.action() != null && filter.action().endsWith("*")) {
            condition(
                    clause,
                    parameters,
                    "r.action LIKE ?",
                    filter.action()
                                    .substring(0, filter.action().length() - 1)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        } else {
            condition(clause, parameters, "r.action = ?", filter.action());
        }
        condition(clause, parameters, "r.outcome = ?", filter.outcome());
        condition(clause, parameters, "r.subject_type = ?", filter.subjectType());
        condition(clause, parameters, "r.subject_key = ?", filter.subjectKey());
        condition(
                clause, parameters, "r.occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
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
        return SqlRow.list(query).stream().map(AuditQueries::view).toList();
    }

    static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }

    static AuditView view(SqlRow row) {
        JsonObject detail;
        try (var reader = Jsons.createReader(new StringReader(row.string("detail")))) {
            detail = reader.readObject();
        }
        return new AuditView(
                row.longValue("audit_id"),
                row.instant("occurred_at"),
                row.string("actor_type"),
                row.string("actor"),
                row.string("action"),
                row.string("outcome"),
                row.string("subject_type"),
                row.string("subject_key"),
                row.string("source"),
                row.string("request_id"),
                row.string("payload_ref"),
                detail,
                row.longValue("seal_seq"));
    }
}
