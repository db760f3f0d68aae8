-- jobs: a dedupe key now holds only one *waiting* job. A request that arrives while a job with the
-- same key is already running (a staff refresh right after Scalepoint changed the order) queues the
-- next run instead of being merged into a run that may already have read the old data. Handlers
-- serialise on their own data (the Scalepoint fetch locks the order row), so two runs of one key
-- at the same time are safe.
DROP INDEX job_dedupe_idx;
CREATE UNIQUE INDEX job_dedupe_idx ON job (job_type, dedupe_key)
    WHERE dedupe_key IS NOT NULL AND state = 'pending';
