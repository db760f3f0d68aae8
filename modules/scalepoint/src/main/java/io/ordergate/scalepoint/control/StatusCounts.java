package io.ordergate.scalepoint.control;

import io.ordergate.platform.boundary.SqlRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The counts behind the Scalepoint status: aggregates over the event and fetch tables,
 * counted by the database rather than by loading rows.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StatusCounts {

    /** The last fetch that failed. */
    public record FailedFetch(String orderToken, Instant at, Integer httpStatus, String error) {}

    @PersistenceContext
    EntityManager em;

    /** Events received in the last 24 hours, by the database's clock. */
    public long eventsLast24h() {
        return SqlRow.first(em.createNativeQuery(
                        "SELECT count(*) AS events FROM sp_event " + "WHERE received_at > now() - interval '24 hours'"))
                .map(row -> row.count("events"))
                .orElse(0L);
    }

    public Optional<FailedFetch> lastFailedFetch() {
        return SqlRow.first(em.createNativeQuery("SELECT order_token, finished_at, http_status, error FROM sp_fetch "
                        + "WHERE outcome = 'failed' ORDER BY fetch_id DESC LIMIT 1"))
                .map(row -> new FailedFetch(
                        row.string("order_token"),
                        row.instant("finished_at"),
                        row.integer("http_status"),
                        row.string("error")));
    }
}
