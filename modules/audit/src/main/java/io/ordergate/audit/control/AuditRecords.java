package io.ordergate.audit.control;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.entity.AuditRecord;
import io.ordergate.platform.boundary.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.TreeMap;

/**
 * Appends audit records in the current transaction: for the facade every module writes through
 * ({@code AuditTrail}), and for the sealer's own records. The detail is a JSON object with its
 * keys in order and null values left out.
 */
@ApplicationScoped
public class AuditRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** @return the id of the new record */
    public long append(AuditEntry entry) {
        var detail = Jsons.createObjectBuilder();
        new TreeMap<>(entry.detail()).forEach((k, v) -> {
            if (v != null) {
                detail.add(k, v);
            }
        });
        var record = new AuditRecord(
                clock.instant(),
                entry.actorType(),
                entry.actor(),
                entry.action(),
                entry.outcome(),
                entry.subjectType(),
                entry.subjectKey(),
                entry.source(),
                entry.requestId(),
                entry.payloadRef(),
                detail.build().toString());
        em.persist(record);
        return record.id();
    }
}
