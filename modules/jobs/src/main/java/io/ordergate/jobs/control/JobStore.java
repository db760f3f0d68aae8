package io.ordergate.jobs.control;

import io.ordergate.jobs.boundary.JobHandler;
import io.ordergate.jobs.boundary.JobResult;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The worker's transactions: each claim and each completion commits on its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobStore {

    @PersistenceContext
    EntityManager em;

    public List<JobQueue.Claimed> claim(String node, List<String> types, int limit, Duration lease) {
        return new JobQueue(new EntityManagerSql(em)).claim(node, types, limit, lease);
    }

    /** Records the outcome and lets the handler update its module's state in the same transaction. */
    public Optional<String> finish(
            JobQueue.Claimed claimed, String node, JobResult result, Backoff backoff, JobHandler handler) {
        var state = new JobQueue(new EntityManagerSql(em)).finish(claimed, node, result, backoff);
        state.ifPresent(s -> handler.recorded(claimed.job(), result, s));
        return state;
    }
}
