package io.ordergate.audit.boundary;

import io.ordergate.audit.entity.AuditRecord;
import io.ordergate.platform.boundary.Jsons;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.TreeMap;

/**
 * Writes audit records. Joins the caller's transaction, so a record exists exactly when the effect
 * it describes was committed; called without one (a rejection), it commits on its own.
 */
@Stateless
@PermitAll
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** @return the id of the new record */
    public long record(AuditEntry entry) {
        var detail = Jsons.createObjectBuilder();
        new TreeMap<>(entry.detail()).forEach((k, v) -> {
            if (v != null) {
                detail.add(k, v);
            }
        });
        var record = new AuditRecord(clock.instant(), entry.actorType(), entry.actor(), entry.action(),
                entry.outcome(), entry.subjectType(), entry.subjectKey(), entry.source(), entry.requestId(),
                entry.payloadRef(), detail.build().toString());
        em.persist(record);
        return record.id();
    }
}
